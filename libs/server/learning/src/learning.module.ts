import { Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@anyam/server/accounts';
import { ForumModule } from '@anyam/server/forum';
import { ModuleAuthorEntity, ModulePrerequisiteEntity, ModuleThemeEntity, TrainingModuleEntity } from './entities/training-module.entity';
import { LessonEntity, LessonResourceEntity } from './entities/lesson.entity';
import { QuizAttemptEntity, QuizOptionEntity, QuizQuestionEntity } from './entities/quiz.entity';
import { CohortEntity, CohortFacilitatorEntity } from './entities/cohort.entity';
import { CertificateEntity, EnrolmentEntity, LessonProgressEntity } from './entities/enrolment.entity';
import { CreateLearning1764800000000 } from './migrations/1764800000000-create-learning';
import { LearningRepository } from './learning.repository';
import { LearningLoaderFactory } from './learning.loaders';
import { AuthoringService } from './authoring.service';
import { LearnerService } from './learner.service';
import { ResourceService } from './resource.service';
import { LearningNotifier } from './learning.notifier';
import { ModuleResolver } from './module.resolver';
import { LessonResolver } from './lesson.resolver';
import { CohortResolver } from './cohort.resolver';
import { EnrolmentResolver } from './enrolment.resolver';
import { ResourceController } from './resource.controller';
import { CertificateController } from './certificate.controller';

export const LEARNING_ENTITIES = [
  TrainingModuleEntity,
  ModuleThemeEntity,
  ModuleAuthorEntity,
  ModulePrerequisiteEntity,
  LessonEntity,
  LessonResourceEntity,
  QuizQuestionEntity,
  QuizOptionEntity,
  QuizAttemptEntity,
  CohortEntity,
  CohortFacilitatorEntity,
  EnrolmentEntity,
  LessonProgressEntity,
  CertificateEntity,
];
export const LEARNING_MIGRATIONS = [CreateLearning1764800000000];
export const LEARNING_RESOLVERS: Type<unknown>[] = [ModuleResolver, LessonResolver, CohortResolver, EnrolmentResolver];

/** Learning: modules, lessons, quizzes, cohorts, enrolments, progress, certificates. */
@Module({
  imports: [TypeOrmModule.forFeature(LEARNING_ENTITIES), AccountsModule, ForumModule],
  controllers: [ResourceController, CertificateController],
  providers: [LearningRepository, LearningLoaderFactory, AuthoringService, LearnerService, ResourceService, LearningNotifier, ...LEARNING_RESOLVERS],
  exports: [LearningRepository, AuthoringService, LearnerService],
})
export class LearningModule {}
