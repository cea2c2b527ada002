// The questionnaire as data, for the pages that show or fill in an assessment (the respondent's /vragenlijst/): which
// wave a respondent lands on, where a problem of the survey-service belongs (by its field path, code and category,
// never by its English message), the scale of the wave's scoring rules, and the answer field of an extra question.

const points = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/**
 * The answer model's field of each extra question the API knows (domain-core's ExtraAnswers). Which of them a
 * questionnaire asks, their texts, types and options, come from the questionnaire itself.
 */
export const EXTRA_FIELDS = Object.freeze({
  'risk-group-figures': 'riskGroupFigures', 'target-group-policy': 'targetGroupPolicies',
  'self-assessment-grades': 'grades', 'cooperation-improved': 'cooperationImproved',
  'youth-involved': 'youthInvolved', 'regional-vision': 'regionalVision'
});

/** Free texts that belong to an extra question's answer (shown and placed with it). */
const EXTRA_TEXT_OF = Object.freeze({ cooperationExplanation: 'cooperationImproved', youthInvolvementHow: 'youthInvolved' });

/** The answer field of an extra question (null for one the answer model cannot carry). */
export function extraField(questionId) {
  return EXTRA_FIELDS[questionId] || null;
}

/** The wave a respondent lands on: the newest that takes answers now, else null. */
export function openWave(waves) {
  return (waves || []).filter(w => w.acceptingNow).sort((a, b) => b.year - a.year)[0] || null;
}

/** "max. 25 + 50 + 25 = 100" from the scale of the wave's scoring rules. */
export function scaleCaption(scale) {
  const n = (value) => points.format(value);
  return `max. ${n(scale.borging)} + ${n(scale.inhoud)} + ${n(scale.bereik)} = ${n(scale.goal)}`;
}

/**
 * The grades a GRADES question takes, lowest first, from the question's own scale ({lowest, highest}, questionnaire
 * data); none for a question without one.
 */
export function gradesOf(question) {
  const scale = question && question.scale;
  if (!scale || !Number.isInteger(scale.lowest) || !Number.isInteger(scale.highest) || scale.lowest > scale.highest) {
    return [];
  }
  return Array.from({ length: scale.highest - scale.lowest + 1 }, (_, i) => scale.lowest + i);
}

/** The band bounds of a scale, as bands.js takes them. */
export function boundsOf(scale) {
  return { red: scale.redBelow, green: scale.greenAbove };
}

const GOAL_PATH = /^goals\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?(?:\[(\d+)\])?/;
const EXTRA_PATH = /^extras\.(\w+)/;

/**
 * Where a problem of the survey-service belongs: {step, id} — the step's route (/doel/3, /extra) and the id of its
 * question's block — or null when it belongs to no question. {@code sentGoals} are the goals as they were sent, in
 * order (the problem's path indexes them). A missing measure category is placed by the problem's {@code category}.
 */
export function placeOfError(error, sentGoals) {
  const path = error && typeof error.field === 'string' ? error.field : '';
  let match = path.match(GOAL_PATH);
  if (match) {
    const [, index, part, field, sub] = match;
    const sent = (sentGoals || [])[Number(index)];
    if (!sent) return null;
    const goal = sent.goal;
    const step = '/doel/' + goal;
    const at = (question) => ({ step, id: `q-g${goal}-${question}` });
    if (part === 'borging') {
      return at({ laidDown: 'laidDown', documents: 'documents', otherDocumentText: 'documents' }[field] || 'inclusion');
    }
    if (part === 'inhoud') {
      if (field === 'categories') {
        const category = error.category
          || (sub != null && sent.inhoud && sent.inhoud.categories[Number(sub)]
            ? sent.inhoud.categories[Number(sub)].category : null);
        return at(category ? 'cat-' + category : 'measures');
      }
      return at(field === 'otherMeasure' ? 'otherMeasure' : 'deploys');
    }
    if (part === 'bereik') {
      return at(field === 'share' ? 'share' : 'insight');
    }
    return at('inclusion');
  }
  match = path.match(EXTRA_PATH);
  if (match) {
    return { step: '/extra', id: 'q-x-' + (EXTRA_TEXT_OF[match[1]] || match[1]) };
  }
  return null;
}
