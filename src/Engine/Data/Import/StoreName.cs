using ClipHost.Abstractions.Options;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Data.Import;

/// <summary>
/// The name of the store an import writes: the one given, or the one its source derives from a file or folder name. Both
/// are held to the <see cref="Identifier"/> rule; a derived name that breaks it ("...csv" gives "..") is refused, naming
/// the file, and never changed into some other name that could be an existing store.
/// </summary>
public static class StoreName
{
    /// <summary>The store's name, or the error naming <paramref name="field"/>.</summary>
    public static (string? Name, OptionError? Error) Of(IImportSource source, string? given, string field)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (given is not null)
        {
            return Identifier.Check(given, field) is { } error ? (null, error) : (given, null);
        }
        var derived = source.DefaultName;
        return Identifier.Problem(derived) is { } problem
            ? (null, new OptionError(field, $"the store name '{Identifier.Shorten(derived)}' taken from {source.NamedAfter ?? source.Id} {problem} ({Identifier.Rule}); name the store with --name (command line) or \"name\" (API)"))
            : (derived, null);
    }
}
