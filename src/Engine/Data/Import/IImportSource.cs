namespace ClipHost.Engine.Data.Import;

/// <summary>A source of image-text pairs: a real data set from a package, or a user's own files.</summary>
public interface IImportSource
{
    /// <summary>Source id, recorded in the store's manifest ("emoji", "csv", ...).</summary>
    string Id { get; }

    /// <summary>Store name used when the user gives none; held to the identifier rule like a given one (<see cref="StoreName"/>).</summary>
    string DefaultName { get; }

    /// <summary>The file or folder <see cref="DefaultName"/> is taken from, named when that name is refused; null for a fixed name.</summary>
    string? NamedAfter => null;

    /// <summary>How non-square images are made square unless the user says otherwise.</summary>
    ImageFit DefaultFit { get; }

    /// <summary>
    /// The bounds the import runs under, given before <see cref="PrepareAsync"/>: sources that unpack archives
    /// honour the size and count limits; the others need nothing from it.
    /// </summary>
    void UseLimits(ImportOptions options)
    {
    }

    /// <summary>Installs or checks what the source needs (packages, files) before any decoding.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Candidates expected, when known after <see cref="PrepareAsync"/>.</summary>
    int? CountHint { get; }

    /// <summary>Licence per part of the data (an emoji style), known after <see cref="PrepareAsync"/>, for the store's manifest; null when the source records none.</summary>
    IReadOnlyDictionary<string, string>? Licences => null;

    /// <summary>The candidates, in a deterministic order.</summary>
    IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken);
}
