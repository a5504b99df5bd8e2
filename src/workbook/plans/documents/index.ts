/** Document models (SPEC §8): what the Word files say, without Word types. */
export { buildNotificationDocument, documentDate, type NotificationDocument, type DocumentTable } from './notification';
export { buildRequestDocument, type RequestDocument } from './request';
export { buildFormsDocument, EVALUATION_TITLE, SELF_TITLE, type FormsDocument, type PaperForm } from './forms';
export { buildFeedbackDocument, missingItems, type FeedbackDocument, type FeedbackPage } from './feedback';
