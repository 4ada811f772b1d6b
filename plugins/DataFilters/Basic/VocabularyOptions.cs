using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>The vocabulary a caption must mention: terms given inline, in a file, or both.</summary>
public sealed class VocabularyOptions : IValidatableObject
{
    /// <summary>Words or phrases, matched as whole words, case-insensitively.</summary>
    public IReadOnlyList<string?>? Terms { get; set; }

    /// <summary>A UTF-8 file with one term a line; blank lines, lines starting with '#' and lines with no words are skipped.</summary>
    public string? TermsFile { get; set; }

    /// <summary>Keep only captions that mention every term (default: any term).</summary>
    public bool MatchAll { get; set; }

    /// <summary>The inline terms, then the file's.</summary>
    /// <returns>Every term given.</returns>
    public IEnumerable<string> AllTerms()
    {
        foreach (var term in Terms ?? [])
        {
            yield return term ?? string.Empty;
        }
        if (TermsFile is not null)
        {
            foreach (var line in File.ReadLines(TermsFile, System.Text.Encoding.UTF8))
            {
                var term = line.Trim();
                if (term.Length > 0 && !term.StartsWith('#'))
                {
                    yield return term;
                }
            }
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Terms is null && TermsFile is null)
        {
            yield return new ValidationResult("give terms, termsFile or both", [nameof(Terms), nameof(TermsFile)]);
            yield break;
        }
        if (Terms is not null)
        {
            if (Terms.Count == 0 && TermsFile is null)
            {
                yield return new ValidationResult("terms must hold at least one word or phrase", [nameof(Terms)]);
            }
            for (var i = 0; i < Terms.Count; i++)
            {
                if (CaptionWords.Split(Terms[i] ?? string.Empty).Count == 0)
                {
                    yield return new ValidationResult($"terms[{i}] '{Terms[i]}' has no words (letters or digits)", [nameof(Terms)]);
                }
            }
        }
        if (TermsFile is not null)
        {
            // Read now, so that a missing or empty file is refused before a filtering job is queued.
            if (!File.Exists(TermsFile))
            {
                yield return new ValidationResult($"terms file {TermsFile} not found", [nameof(TermsFile)]);
            }
            else if (new TermMatcher(AllTerms().Skip(Terms?.Count ?? 0)).Count == 0)
            {
                yield return new ValidationResult($"terms file {TermsFile} holds no terms (one a line; blank lines and '#' comments are skipped)", [nameof(TermsFile)]);
            }
        }
    }
}
