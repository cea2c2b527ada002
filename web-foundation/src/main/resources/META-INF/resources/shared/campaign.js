// A wave's campaign (the survey-service's invitations and reminders) in Dutch: the labels of its steps and message
// statuses, and its messages grouped per municipality — who was invited and reminded when.

import { dateTime } from './format.js';

export const MESSAGE_STATUS = { SENDING: 'wordt verstuurd', SENT: 'verstuurd', FAILED: 'mislukt', UNCERTAIN: 'onzeker' };

/** "uitnodiging", "herinnering 1", … for the survey-service's steps INVITATION, REMINDER_1, …; unknown ones as they are. */
export function stepLabel(step) {
  if (step === 'INVITATION') return 'uitnodiging';
  const reminder = /^REMINDER_(\d+)$/.exec(step || '');
  return reminder ? `herinnering ${reminder[1]}` : String(step);
}

/** One message in a line: "a@b.nl: verstuurd 7 december 2026 om 12:05" (or the status when it was not sent). */
export function messageLine(message) {
  const status = MESSAGE_STATUS[message.status] || String(message.status);
  const at = message.sentAt || message.claimedAt;
  return `${message.email}: ${status}${at ? ' ' + dateTime(at) : ''}`;
}

/**
 * The messages per municipality code: {invited: [...], reminded: [...]}, each oldest first; a municipality without
 * messages is absent.
 */
export function campaignByMunicipality(messages) {
  const by = new Map();
  for (const message of messages || []) {
    const entry = by.get(message.municipality) || { invited: [], reminded: [] };
    (message.step === 'INVITATION' ? entry.invited : entry.reminded).push(message);
    by.set(message.municipality, entry);
  }
  const moment = m => m.sentAt || m.claimedAt || '';
  for (const entry of by.values()) {
    entry.invited.sort((a, b) => moment(a).localeCompare(moment(b)));
    entry.reminded.sort((a, b) => moment(a).localeCompare(moment(b)) || a.step.localeCompare(b.step));
  }
  return by;
}
