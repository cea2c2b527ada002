import test from 'node:test';
import assert from 'node:assert/strict';
import { campaignByMunicipality, messageLine, stepLabel, MESSAGE_STATUS } from '../../main/resources/META-INF/resources/shared/campaign.js';

test('steps and statuses in Dutch', () => {
  assert.equal(stepLabel('INVITATION'), 'uitnodiging');
  assert.equal(stepLabel('REMINDER_1'), 'herinnering 1');
  assert.equal(stepLabel('REMINDER_12'), 'herinnering 12');
  assert.equal(stepLabel('SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(MESSAGE_STATUS.FAILED, 'mislukt');
});

test('a message in one line: address, status and when it was sent, else claimed', () => {
  assert.equal(messageLine({ email: 'a@b.nl', status: 'SENT', sentAt: '2026-12-07T11:05:00Z', claimedAt: '2026-12-07T11:04:00Z' }),
    'a@b.nl: verstuurd 7 december 2026 om 12:05');
  assert.equal(messageLine({ email: 'a@b.nl', status: 'FAILED', sentAt: null, claimedAt: '2017-10-01T09:00:00Z' }),
    'a@b.nl: mislukt 1 oktober 2017 om 11:00');
  assert.equal(messageLine({ email: 'a@b.nl', status: 'SENDING' }), 'a@b.nl: wordt verstuurd');
});

test('messages per municipality: invitations apart from reminders, oldest first', () => {
  const by = campaignByMunicipality([
    { municipality: 'GM0014', email: 'b@x', step: 'REMINDER_2', status: 'SENT', sentAt: '2026-03-01T09:00:00Z' },
    { municipality: 'GM0014', email: 'b@x', step: 'INVITATION', status: 'SENT', sentAt: '2026-01-01T09:00:00Z' },
    { municipality: 'GM0037', email: 'c@x', step: 'INVITATION', status: 'FAILED', sentAt: null, claimedAt: '2026-01-01T09:00:00Z' },
    { municipality: 'GM0014', email: 'b@x', step: 'REMINDER_1', status: 'SENT', sentAt: '2026-02-01T09:00:00Z' },
    { municipality: 'GM0014', email: 'a@x', step: 'INVITATION', status: 'SENT', sentAt: '2025-12-31T09:00:00Z' }
  ]);
  assert.deepEqual([...by.keys()].sort(), ['GM0014', 'GM0037']);
  assert.deepEqual(by.get('GM0014').invited.map(m => m.email), ['a@x', 'b@x']);
  assert.deepEqual(by.get('GM0014').reminded.map(m => m.step), ['REMINDER_1', 'REMINDER_2']);
  assert.deepEqual(by.get('GM0037').reminded, []);
  assert.equal(by.get('GM0765'), undefined);
  assert.equal(campaignByMunicipality(null).size, 0);
});
