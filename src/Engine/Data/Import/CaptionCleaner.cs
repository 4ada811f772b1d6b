using System.Text.RegularExpressions;

namespace ClipHost.Engine.Data.Import;

/// <summary>Trims, collapses whitespace, cuts over-long captions and drops empty or repeated ones.</summary>
public static partial class CaptionCleaner
{
    public static IReadOnlyList<string> Clean(IEnumerable<string?> captions, int maxChars)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in captions)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            var text = Whitespace().Replace(raw, " ").Trim();
            if (text.Length > maxChars)
            {
                text = text[..maxChars].TrimEnd();
            }
            if (text.Length > 0 && seen.Add(text))
            {
                result.Add(text);
            }
        }
        return result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
