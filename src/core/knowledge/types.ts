/** What a unit of knowledge is: a whole document, a heading's section, or one list item. */
export type UnitKind = 'document' | 'section' | 'item';

/** One searchable piece of knowledge. */
export interface KnowledgeUnit {
  /** Stable id: the slug of the file and of every title on the way down (`backend-engineer/databases/nosql-databases`). */
  id: string;
  /** Short stable key of the id (13 URL-safe characters at most), for buttons with a length limit. */
  key: string;
  kind: UnitKind;
  /** Clean title: no Markdown, no trailing colon. */
  title: string;
  /** Breadcrumb from the document title down to this unit's title, inclusive. */
  path: string[];
  /** The id of the section or item this unit belongs to; absent for a document. */
  parentId?: string;
  /** Ids of the sections and items directly below this one, in document order. */
  childIds: string[];
  /** The file this unit came from, relative to the knowledge directory. */
  file: string;
  /** Plain text for search: the unit's own content without Markdown. */
  text: string;
  /** Markdown for display. */
  markdown: string;
  /** For a section with a list: the Markdown of the paragraphs before the list (context for its items). */
  intro?: string;
  /** Other names for the unit (document front matter `aliases`). */
  aliases: string[];
  /** Document front matter `tags`. */
  tags: string[];
  /** Links listed in the unit's section ("Read more"): never answers of their own. */
  resources?: KnowledgeResource[];
}

/** A link a section lists for further reading. */
export interface KnowledgeResource {
  title: string;
  /** Absolute URL; absent when the link only worked on the original site. */
  url?: string;
}

/** A knowledge file that could not be read or parsed. */
export interface KnowledgeFileError {
  file: string;
  message: string;
}
