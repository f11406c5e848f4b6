import { registerEnumType } from '@nestjs/graphql';

export enum MeetingKindEnum {
  regional = 'regional',
  inter_hub = 'inter_hub',
  training = 'training',
  world_cafe = 'world_cafe',
  other = 'other',
}
export enum MeetingModeEnum {
  online = 'online',
  hybrid = 'hybrid',
  in_person = 'in_person',
}
export enum MeetingVisibilityEnum {
  public = 'public',
  hubs = 'hubs',
  invited = 'invited',
}
export enum RsvpResponseEnum {
  going_in_person = 'going_in_person',
  going_online = 'going_online',
  maybe = 'maybe',
  not_going = 'not_going',
}

registerEnumType(MeetingKindEnum, { name: 'MeetingKind', description: 'regional: the regular regional hub meeting; inter_hub: several hubs across time zones.' });
registerEnumType(MeetingModeEnum, { name: 'MeetingMode' });
registerEnumType(MeetingVisibilityEnum, {
  name: 'MeetingVisibility',
  description: 'public: anyone; hubs: members of the participating hubs; invited: only the invitees and the organisers.',
});
registerEnumType(RsvpResponseEnum, { name: 'RsvpResponse' });

export enum AttendanceStatusEnum {
  present_in_person = 'present_in_person',
  present_online = 'present_online',
  absent = 'absent',
}
registerEnumType(AttendanceStatusEnum, { name: 'AttendanceStatus' });

export enum ActionItemStatusEnum {
  open = 'open',
  in_progress = 'in_progress',
  done = 'done',
}
registerEnumType(ActionItemStatusEnum, { name: 'ActionItemStatus' });
