// The API reference page: one of the four committed OpenAPI documents (beside this file), chosen by ?service=,
// rendered by Redoc's standalone bundle (vendor/redoc, from the pinned npm package). Relative addresses only, so the
// page works wherever a service is mounted (/survey/api-reference/ behind the Ingress).
(function () {
  'use strict';
  var SERVICES = ['survey-service', 'scoring-service', 'reporting-service', 'notification-service'];
  var asked = new URLSearchParams(window.location.search).get('service');
  var service = SERVICES.indexOf(asked) >= 0 ? asked : SERVICES[0];
  document.querySelectorAll('nav a[data-service]').forEach(function (link) {
    if (link.getAttribute('data-service') === service) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  document.getElementById('document').setAttribute('href', service + '.yaml');
  document.title = service + ' — Monitor API reference';
  var target = document.getElementById('reference');
  target.setAttribute('data-service', service);
  window.Redoc.init(service + '.yaml', {
    expandResponses: '200,201,202',
    hideHostname: true,
    jsonSamplesExpandLevel: 2,
    theme: { sidebar: { width: '260px' } }
  }, target, function (error) {
    target.setAttribute('data-state', error ? 'error' : 'ready');
  });
}());
