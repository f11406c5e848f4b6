import { registerEnumType } from '@nestjs/graphql';

export enum ModuleLevelEnum {
  INTRODUCTORY = 'introductory',
  INTERMEDIATE = 'intermediate',
  ADVANCED = 'advanced',
}
export enum DeliveryModeEnum {
  ONLINE = 'online',
  HYBRID = 'hybrid',
  OFFLINE = 'offline',
}
export enum ModuleStatusEnum {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  ARCHIVED = 'archived',
}
export enum EnrolmentStatusEnum {
  ENROLLED = 'enrolled',
  WAITLISTED = 'waitlisted',
  WITHDRAWN = 'withdrawn',
  COMPLETED = 'completed',
}
export enum QuestionKindEnum {
  SINGLE = 'single',
  MULTIPLE = 'multiple',
}
export enum ProgressStateEnum {
  STARTED = 'started',
  COMPLETED = 'completed',
}

registerEnumType(ModuleLevelEnum, { name: 'ModuleLevel' });
registerEnumType(DeliveryModeEnum, { name: 'LearningDeliveryMode', description: 'How a module or cohort is delivered.' });
registerEnumType(ModuleStatusEnum, { name: 'ModuleStatus', description: 'Drafts and archived modules are seen only by their hub’s facilitators, coordinators, authors and admins.' });
registerEnumType(EnrolmentStatusEnum, { name: 'EnrolmentStatus' });
registerEnumType(QuestionKindEnum, { name: 'QuestionKind', description: 'single: exactly one option is right; multiple: one or more.' });
registerEnumType(ProgressStateEnum, { name: 'LessonProgressState' });
