using System.Diagnostics.CodeAnalysis;
using ClipHost.Abstractions.Options;

namespace ClipHost.Engine.Paths;

/// <summary>
/// The one rule for a name that becomes a folder or file name: stores, subsets, runs and experiments, studies,
/// evaluations. 1 to <see cref="MaxLength"/> ASCII letters, digits, '.', '_' and '-', starting with a letter or digit:
/// so never a separator, never "." or "..", never a hidden folder, never read as a command-line option, and short
/// enough that what is appended to it (a run id's 21-character timestamp, a partial store's 42-character suffix, an
/// evaluation's "_zeroshot_classification.json") stays well within Linux's 255-byte file names.
/// </summary>
public static class Identifier
{
    public const int MaxLength = 128;

    public const string Rule = "a name is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static bool IsValid([NotNullWhen(true)] string? name) => Problem(name) is null;

    /// <summary>What is wrong with a name, as a phrase to follow it ("is empty"), or null when it is an identifier.</summary>
    /// <param name="name">The name.</param>
    /// <param name="maxLength">A tighter limit where the caller appends to the name.</param>
    public static string? Problem(string? name, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "is empty";
        }
        if (name.Length > maxLength)
        {
            return $"is {name.Length} characters long, over the limit of {maxLength}";
        }
        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            return "does not start with a letter or digit";
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return char.IsControl(c) || char.IsWhiteSpace(c) ? $"contains U+{(int)c:X4}" : $"contains '{c}'";
            }
        }
        return null;
    }

    /// <summary>The error for a name that breaks the rule, naming the field; null when it is an identifier.</summary>
    public static OptionError? Check(string? name, string field, int maxLength = MaxLength) =>
        Problem(name, maxLength) is { } problem ? new OptionError(field, $"'{Shorten(name)}' {problem}; {Rule}") : null;

    /// <summary>The name when it is an identifier; otherwise throws the field's error.</summary>
    public static string Require([NotNull] string? name, string field)
    {
        if (name is null || Check(name, field) is not null)
        {
            throw new OptionsValidationFailedException([Check(name, field)!]);
        }
        return name;
    }

    /// <summary>A name as quoted in messages: a 300-character one would drown the message.</summary>
    public static string Shorten(string? name) => name is null ? string.Empty : name.Length <= 40 ? name : $"{name[..37]}...";
}
