import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchFormProps {
  id: string;
  label: string;
  initial?: string;
  className?: string;
  onSearch(words: string): void;
}

/** A search landmark: a labelled search box and its button; the words go out when the form is sent. */
export function SearchForm({ id, label, initial = '', className = '', onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [words, setWords] = useState(initial);
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSearch(words.trim());
  };
  return (
    <form className={className} role="search" onSubmit={send}>
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      <div className="display-flex">
        <input
          className="usa-input flex-fill margin-right-05"
          id={id}
          type="search"
          name="q"
          value={words}
          onChange={(event) => setWords(event.target.value)}
        />
        <button className="usa-button width-auto" type="submit">
          {t('ideas.searchButton')}
        </button>
      </div>
    </form>
  );
}
