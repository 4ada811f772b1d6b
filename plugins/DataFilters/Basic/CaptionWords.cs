namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// A caption as lower-case words: runs of letters and digits, so punctuation and hyphens separate words ("t-shirt"
/// is "t shirt") and matching is whole-word ("cat" is not in "catalog" or "cats").
/// </summary>
public static class CaptionWords
{
    /// <summary>The caption's words in order.</summary>
    /// <param name="text">The caption or term.</param>
    /// <returns>Lower-case words.</returns>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }
}
