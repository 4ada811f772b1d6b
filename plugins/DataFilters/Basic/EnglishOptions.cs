using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>How English a primary caption must look (see <see cref="EnglishHeuristic"/>) and which word list decides.</summary>
public sealed class EnglishOptions : IValidatableObject
{
    /// <summary>Debian's wamerican word list: ~100k entries with inflections and capitalised names.</summary>
    public const string DefaultDictionary = "/usr/share/dict/american-english";

    /// <summary>Least share of the judged words that are English words (names count for neither side).</summary>
    [Range(0.0, 1.0, ErrorMessage = "minEnglishShare must be in [0, 1]")]
    public double MinEnglishShare { get; set; } = 0.5;

    /// <summary>Least share of the caption's letters in the Latin script; drops Cyrillic, Greek, CJK and Arabic captions.</summary>
    [Range(0.0, 1.0, ErrorMessage = "minLatinShare must be in [0, 1]")]
    public double MinLatinShare { get; set; } = 0.9;

    /// <summary>Least number of words (two letters or more) a caption needs to be judged at all.</summary>
    [Range(1, 1000, ErrorMessage = "minWords must be in [1, 1000]")]
    public int MinWords { get; set; } = 1;

    /// <summary>A word list, one word a line (lower-case entries are common words, capitalised ones names).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "dictionary must be the path of a word list")]
    public string? Dictionary { get; set; } = DefaultDictionary;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Checked here so that a machine without the word list is refused before a filtering job is queued.
        if (!File.Exists(Dictionary))
        {
            yield return new ValidationResult(
                $"word list {Dictionary} not found: install Debian's wamerican (apt-get install wamerican) or give the path of a word list, one word a line",
                [nameof(Dictionary)]);
        }
    }
}
