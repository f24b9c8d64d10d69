import type MiniSearch from 'minisearch';

/** The internals of MiniSearch 7 whose field lengths this copies. */
interface Internals {
  _fieldLength: Map<number, number[]>;
  _idToShortId: Map<unknown, number>;
  _documentCount: number;
  _nextId: number;
  _options: { fields: string[] };
}

/**
 * MiniSearch's field length of every document, in arrays by field and short document id (-1: not
 * indexed, discarded), kept up to date from MiniSearch: reading them from its map cost two map lookups
 * per posting, most of the time of scoring a question on large knowledge. New documents are read as
 * MiniSearch numbers them; a discard is told ({@link discarding}); should the count of documents not
 * agree, everything is read again.
 */
export class FieldLengths {
  /** By field number, each document's length. */
  private byField: Float64Array[] = [];
  /** Short ids below this are read. */
  private read = 0;
  /** Documents read and not discarded. */
  private live = 0;

  constructor(private readonly mini: MiniSearch<unknown>) {}

  /** The lengths of one field by short id, up to date with MiniSearch. */
  of(fieldId: number): Float64Array {
    const ms = this.mini as unknown as Internals;
    if (this.read < ms._nextId) this.readNew(ms);
    if (this.live !== ms._documentCount) {
      this.read = 0;
      this.live = 0;
      this.readNew(ms);
    }
    return this.byField[fieldId]!;
  }

  /** Notes that MiniSearch is about to discard the document of this id. */
  discarding(id: string): void {
    const doc = (this.mini as unknown as Internals)._idToShortId.get(id);
    if (doc === undefined || doc >= this.read || !(this.byField[0]![doc]! >= 0)) return;
    for (const lengths of this.byField) lengths[doc] = -1;
    this.live--;
  }

  /** Reads the documents MiniSearch numbered since the last read. */
  private readNew(ms: Internals): void {
    const fields = ms._options.fields.length;
    if ((this.byField[0]?.length ?? 0) < ms._nextId) {
      const size = Math.max(ms._nextId, (this.byField[0]?.length ?? 0) * 2, 1024);
      this.byField = Array.from({ length: fields }, (_, f) => {
        const grown = new Float64Array(size).fill(-1);
        const old = this.byField[f];
        if (old) grown.set(old.subarray(0, this.read));
        return grown;
      });
    }
    for (let doc = this.read; doc < ms._nextId; doc++) {
      const lengths = ms._fieldLength.get(doc);
      for (let f = 0; f < fields; f++) this.byField[f]![doc] = lengths ? (lengths[f] ?? 0) : -1;
      if (lengths) this.live++;
    }
    this.read = ms._nextId;
  }
}
