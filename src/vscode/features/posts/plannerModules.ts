// What src/vscode/features/posts/planners.ts loads on first use; nothing else imports these values.
export { planNewPost, PostPlanError } from '../../../core/posts/newPost';
export { planPublish, planUnpublish } from '../../../core/posts/publish';
export { ScaffoldError } from '../../../core/posts/scaffold';
export { updateTimestampEdits } from '../../../core/posts/updateTimestamp';
