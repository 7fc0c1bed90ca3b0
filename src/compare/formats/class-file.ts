/**
 * Java class files (JVMS §4): version, the constant pool (every tag through 20, with Long and
 * Double taking two slots), fields, methods, and attributes, with the Code attribute's own
 * attributes opened (LineNumberTable, LocalVariableTable…). Every count is bounded by the bytes
 * left, so a hostile count fails fast instead of looping.
 */
import { ByteView, hex } from './bytes.js';

export const CLASS_MAGIC = 0xcafebabe;

export interface ConstantEntry {
  tag: number;
  /** Utf8 text; other entries' raw bytes in hex, so entries compare by value. */
  value: string;
}

export interface AttributeInfo {
  name: string;
  data: Buffer;
}

export interface CodeInfo {
  maxStack: number;
  maxLocals: number;
  bytecode: Buffer;
  exceptionTable: Buffer;
  attributes: AttributeInfo[];
}

export interface MemberInfo {
  accessFlags: number;
  name: string;
  descriptor: string;
  attributes: AttributeInfo[];
  /** Methods with a Code attribute. */
  code: CodeInfo | undefined;
}

export interface ClassFile {
  minor: number;
  major: number;
  /** Index 0 and the second slot of Long/Double are undefined. */
  pool: (ConstantEntry | undefined)[];
  accessFlags: number;
  thisClass: string;
  superClass: string;
  interfaces: string[];
  fields: MemberInfo[];
  methods: MemberInfo[];
  attributes: AttributeInfo[];
}

/** Payload size of each constant tag after the tag byte (Utf8 is variable). */
const TAG_SIZES: Record<number, number> = { 3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2 };

export const TAG_NAMES: Record<number, string> = {
  1: 'Utf8', 3: 'Integer', 4: 'Float', 5: 'Long', 6: 'Double', 7: 'Class', 8: 'String', 9: 'Fieldref', 10: 'Methodref',
  11: 'InterfaceMethodref', 12: 'NameAndType', 15: 'MethodHandle', 16: 'MethodType', 17: 'Dynamic', 18: 'InvokeDynamic',
  19: 'Module', 20: 'Package',
};

/** Class-file major version → Java release (45 = 1.1 … 52 = 8, then 53 + n = 9 + n). */
export function javaVersion(major: number): string {
  if (major >= 53) return String(major - 44);
  if (major >= 49) return String(major - 44); // 49 = 5, 52 = 8
  if (major >= 45) return `1.${major - 44}`;
  return 'unknown';
}

/**
 * Modified UTF-8 (JVMS §4.4.7): like UTF-8 but NUL is two bytes and supplementary characters are
 * surrogate pairs; decoding per code unit keeps both intact.
 */
function decodeModifiedUtf8(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const a = bytes[i] as number;
    if (a < 0x80) {
      out += String.fromCharCode(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && i + 1 < bytes.length) {
      out += String.fromCharCode(((a & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && i + 2 < bytes.length) {
      out += String.fromCharCode(((a & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f));
      i += 3;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

class Reader {
  readonly view: ByteView;
  at = 0;
  constructor(buf: Buffer) {
    this.view = new ByteView(buf, 'be', 'class');
  }
  u1(what: string): number {
    const value = this.view.u8(this.at, what);
    this.at += 1;
    return value;
  }
  u2(what: string): number {
    const value = this.view.u16(this.at, what);
    this.at += 2;
    return value;
  }
  u4(what: string): number {
    const value = this.view.u32(this.at, what);
    this.at += 4;
    return value;
  }
  take(size: number, what: string): Buffer {
    const value = this.view.bytes(this.at, size, what);
    this.at += size;
    return value;
  }
  /** A count whose items take at least `each` bytes: more than fit in what is left is a lie. */
  count(n: number, each: number, what: string): number {
    if (n * each > this.view.length - this.at) {
      this.view.fail(`${what} count ${n} at offset ${hex(this.at - 2)} needs more than the ${this.view.length - this.at} bytes left`);
    }
    return n;
  }
}

function utf8At(pool: (ConstantEntry | undefined)[], index: number, what: string, view: ByteView): string {
  const entry = pool[index];
  if (entry === undefined || entry.tag !== 1) view.fail(`${what} refers to constant ${index}, which is not a Utf8 entry`);
  return entry.value;
}

function classNameAt(pool: (ConstantEntry | undefined)[], index: number, what: string, view: ByteView): string {
  if (index === 0) return '';
  const entry = pool[index];
  if (entry === undefined || entry.tag !== 7) view.fail(`${what} refers to constant ${index}, which is not a Class entry`);
  return utf8At(pool, Buffer.from(entry.value, 'hex').readUInt16BE(0), what, view);
}

function readAttributes(reader: Reader, pool: (ConstantEntry | undefined)[], owner: string): AttributeInfo[] {
  const count = reader.count(reader.u2(`${owner} attributes_count`), 6, `${owner} attribute`);
  const out: AttributeInfo[] = [];
  for (let i = 0; i < count; i++) {
    const name = utf8At(pool, reader.u2(`${owner} attribute name`), `${owner} attribute ${i}`, reader.view);
    const length = reader.u4(`${owner} attribute ${name} length`);
    out.push({ name, data: reader.take(length, `${owner} attribute ${name}`) });
  }
  return out;
}

function readCode(data: Buffer, pool: (ConstantEntry | undefined)[], owner: string): CodeInfo {
  const reader = new Reader(data);
  const maxStack = reader.u2(`${owner} max_stack`);
  const maxLocals = reader.u2(`${owner} max_locals`);
  const bytecode = reader.take(reader.u4(`${owner} code_length`), `${owner} bytecode`);
  const exceptions = reader.count(reader.u2(`${owner} exception_table_length`), 8, `${owner} exception table`);
  const exceptionTable = reader.take(exceptions * 8, `${owner} exception table`);
  const attributes = readAttributes(reader, pool, `${owner} Code`);
  return { maxStack, maxLocals, bytecode, exceptionTable, attributes };
}

function readMembers(reader: Reader, pool: (ConstantEntry | undefined)[], kind: 'field' | 'method'): MemberInfo[] {
  const count = reader.count(reader.u2(`${kind}s_count`), 8, kind);
  const out: MemberInfo[] = [];
  for (let i = 0; i < count; i++) {
    const accessFlags = reader.u2(`${kind} ${i} access_flags`);
    const name = utf8At(pool, reader.u2(`${kind} ${i} name_index`), `${kind} ${i} name`, reader.view);
    const descriptor = utf8At(pool, reader.u2(`${kind} ${i} descriptor_index`), `${kind} ${i} descriptor`, reader.view);
    const label = `${kind} ${name}${kind === 'field' ? ':' : ''}${descriptor}`;
    const attributes = readAttributes(reader, pool, label);
    const codeAttribute = attributes.find((a) => a.name === 'Code');
    const code = kind === 'method' && codeAttribute !== undefined ? readCode(codeAttribute.data, pool, label) : undefined;
    out.push({ accessFlags, name, descriptor, attributes, code });
  }
  return out;
}

export function parseClass(buf: Buffer): ClassFile {
  const reader = new Reader(buf);
  const magic = reader.u4('magic');
  if (magic !== CLASS_MAGIC) reader.view.fail(`magic ${hex(magic)} is not 0xcafebabe`);
  const minor = reader.u2('minor_version');
  const major = reader.u2('major_version');
  if (major < 45) reader.view.fail(`major version ${major} is below 45 (Java 1.1); not a class file`);
  const poolCount = reader.u2('constant_pool_count');
  // Each entry takes at least 3 bytes (a tag and a u2).
  reader.count(Math.max(0, poolCount - 1), 3, 'constant pool');
  const pool: (ConstantEntry | undefined)[] = [undefined];
  for (let index = 1; index < poolCount; index++) {
    const tag = reader.u1(`constant ${index} tag`);
    if (tag === 1) {
      const length = reader.u2(`constant ${index} Utf8 length`);
      pool.push({ tag, value: decodeModifiedUtf8(reader.take(length, `constant ${index} Utf8 bytes`)) });
      continue;
    }
    const size = TAG_SIZES[tag];
    if (size === undefined) reader.view.fail(`constant ${index} at offset ${hex(reader.at - 1)} has unknown tag ${tag}`);
    pool.push({ tag, value: reader.take(size, `constant ${index} ${TAG_NAMES[tag] ?? tag}`).toString('hex') });
    if (tag === 5 || tag === 6) {
      // JVMS §4.4.5: the next index is unusable.
      pool.push(undefined);
      index++;
    }
  }
  const accessFlags = reader.u2('access_flags');
  const thisClass = classNameAt(pool, reader.u2('this_class'), 'this_class', reader.view);
  const superClass = classNameAt(pool, reader.u2('super_class'), 'super_class', reader.view);
  const interfaceCount = reader.count(reader.u2('interfaces_count'), 2, 'interface');
  const interfaces: string[] = [];
  for (let i = 0; i < interfaceCount; i++) interfaces.push(classNameAt(pool, reader.u2(`interface ${i}`), `interface ${i}`, reader.view));
  const fields = readMembers(reader, pool, 'field');
  const methods = readMembers(reader, pool, 'method');
  const attributes = readAttributes(reader, pool, 'class');
  if (reader.at !== buf.length) reader.view.fail(`${buf.length - reader.at} bytes follow the class file's last attribute`);
  return { minor, major, pool, accessFlags, thisClass, superClass, interfaces, fields, methods, attributes };
}

/** The Utf8 text an attribute's first u2 names (SourceFile, Signature…), if it names one. */
export function attributeUtf8(file: ClassFile, attribute: AttributeInfo): string | undefined {
  if (attribute.data.length !== 2) return undefined;
  const entry = file.pool[attribute.data.readUInt16BE(0)];
  return entry?.tag === 1 ? entry.value : undefined;
}
