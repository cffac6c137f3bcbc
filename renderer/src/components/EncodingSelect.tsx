import { encodingIsUncertain, type Article } from '../../../app/core/article.js';
import { ENCODING_CHOICES, type EncodingChoice } from '../../../app/core/encodings.js';

/**
 * The "Encoding" select of the article header, shown only when the file's encoding was guessed,
 * chosen by the analyst, or decoded with replacements (`encodingIsUncertain`). Choosing another
 * encoding asks main to reopen the file in it (`article:reopen-with-encoding`).
 */
export function EncodingSelect({ article, onChoose }: { article: Article; onChoose: (encoding: EncodingChoice) => void }) {
  const encoding = article.encoding;
  if (!encoding || !encodingIsUncertain(encoding)) return null;
  const note =
    encoding.replaced > 0
      ? `${encoding.replaced} byte sequence${encoding.replaced === 1 ? '' : 's'} could not be decoded (shown as �)`
      : encoding.source === 'detected'
        ? `guessed${encoding.confidence !== null ? ` (confidence ${encoding.confidence}%)` : ''}; the file does not declare its encoding`
        : 'chosen for this file';
  const known = (ENCODING_CHOICES as readonly string[]).includes(encoding.name);
  return (
    <p className="article-encoding">
      <label>
        Encoding{' '}
        <select value={encoding.name} onChange={(event) => onChoose(event.target.value as EncodingChoice)}>
          {!known && <option value={encoding.name}>{encoding.name}</option>}
          {ENCODING_CHOICES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="article-encoding-note">{note}</span>
    </p>
  );
}
