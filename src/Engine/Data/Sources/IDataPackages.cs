namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// The machine's data packages as the real sources need them: a Debian package's files in place, an npm package
/// unpacked. How they get there (apt-get, npm, or not at all) is the host's decision, not the engine's.
/// </summary>
public interface IDataPackages
{
    /// <summary>
    /// Makes sure the Debian <paramref name="packages"/> are installed, judged by <paramref name="probePath"/> existing;
    /// throws <see cref="PackageMissingException"/> when they are not and this host may not install them.
    /// </summary>
    Task EnsureAptAsync(IReadOnlyList<string> packages, string probePath, CancellationToken cancellationToken);

    /// <summary>
    /// The folder holding the unpacked npm <paramref name="package"/> (its "package/" prefix removed);
    /// <paramref name="keep"/> selects the entries to unpack by their path in the package. Throws
    /// <see cref="PackageMissingException"/> when it is not there and this host may not fetch it.
    /// </summary>
    Task<string> EnsureNpmAsync(string package, Func<string, bool> keep, CancellationToken cancellationToken);
}
