import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ThemeNames', { description: 'A theme name in each interface language.' })
export class ThemeNamesType {
  @Field()
  en: string;
  @Field()
  id: string;
  @Field()
  es: string;
  @Field()
  pt: string;
}

@ObjectType('Theme', { description: 'A service theme (wellness and safety, strategic relevance, institutional resilience) or a sub-theme.' })
export class ThemeType {
  @Field({ description: 'Stable key, e.g. financial-resilience.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'Key of the parent theme for a sub-theme.' })
  parentKey: string | null;

  @Field()
  position: number;

  @Field(() => ThemeNamesType)
  names: ThemeNamesType;
}
