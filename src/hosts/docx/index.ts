/** Word documents from the document models (SPEC §8), with the `docx` library: Node and the browser alike. */
export { renderNotification, notificationDocx } from './notification';
export { renderRequest, requestDocx } from './request';
export { renderForms, formsDocx } from './forms';
export { packDocx } from './layout';
export { renderFeedback, feedbackDocx } from './feedback';
