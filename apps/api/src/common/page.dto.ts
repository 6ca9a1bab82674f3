import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The list answer of API.md for items of one type, named for the OpenAPI document (`UnitPage`, …). */
export function PageOf<T>(item: Type<T>, name: string): Type<{ items: T[]; nextCursor: string | null }> {
  class Page {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ nullable: true, type: String, description: 'pass as ?cursor= for the next page; null at the end' })
    nextCursor: string | null;
  }
  Object.defineProperty(Page, 'name', { value: name });
  return Page;
}
