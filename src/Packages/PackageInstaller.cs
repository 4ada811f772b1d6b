using System.Formats.Tar;
using System.IO.Compression;
using ClipHost.Engine.Data.Sources;
using Microsoft.Extensions.Logging;

namespace ClipHost.Packages;

/// <summary>
/// Installs the real data sets' packages when they are missing: Debian packages through apt-get, npm packages
/// through `npm pack` unpacked with System.Formats.Tar into a cache (only the files a source keeps). The service's
/// installer is made with <c>installs: false</c>: a request must never make it run apt-get or npm (as root, when it
/// runs as root), so a missing package is a <see cref="PackageMissingException"/> and installing is a setup step.
/// </summary>
public sealed class PackageInstaller(string cacheRoot, ILogger<PackageInstaller> logger, bool installs = true) : IDataPackages
{
    private const string CompleteMarker = ".complete";
    private static readonly SemaphoreSlim AptLock = new(1, 1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> NpmLocks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task EnsureAptAsync(IReadOnlyList<string> packages, string probePath, CancellationToken cancellationToken)
    {
        if (Path.Exists(probePath))
        {
            return;
        }
        if (!installs)
        {
            throw new PackageMissingException($"Debian package {string.Join(' ', packages)} is not installed ({probePath} is missing)");
        }
        await AptLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Path.Exists(probePath))
            {
                return;
            }
            var list = string.Join(' ', packages);
            if (Environment.UserName != "root")
            {
                throw new InvalidOperationException($"{probePath} is missing; install it with: sudo apt-get install -y {list}");
            }
            logger.Installing(list, "apt-get");
            var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            string[] install = ["install", "-y", "-q", "--no-install-recommends", .. packages];
            var (code, output) = await ProcessRunner.RunAsync("apt-get", install, null, env, cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                // A fresh machine has no package lists yet; refresh them once and retry.
                await ProcessRunner.RunAsync("apt-get", ["update", "-q"], null, env, cancellationToken).ConfigureAwait(false);
                (code, output) = await ProcessRunner.RunAsync("apt-get", install, null, env, cancellationToken).ConfigureAwait(false);
            }
            if (code != 0 || !Path.Exists(probePath))
            {
                throw new InvalidOperationException($"apt-get install {list} failed (exit {code}):\n{ProcessRunner.Tail(output)}");
            }
        }
        finally
        {
            AptLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<string> EnsureNpmAsync(string package, Func<string, bool> keep, CancellationToken cancellationToken)
    {
        var target = Path.Combine(cacheRoot, "npm", package);
        if (File.Exists(Path.Combine(target, CompleteMarker)))
        {
            return target;
        }
        if (!installs)
        {
            throw new PackageMissingException($"npm package {package} is not in {target}");
        }
        var gate = NpmLocks.GetOrAdd(target, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return File.Exists(Path.Combine(target, CompleteMarker))
                ? target
                : await DownloadNpmAsync(package, target, keep, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> DownloadNpmAsync(string package, string target, Func<string, bool> keep, CancellationToken cancellationToken)
    {
        if (!await HasToolAsync("npm", cancellationToken).ConfigureAwait(false))
        {
            await EnsureAptAsync(["npm"], "/usr/bin/npm", cancellationToken).ConfigureAwait(false);
        }
        // A scoped package ("@iconify-json/noto-v1") works in one flat folder and lands under its scope's folder.
        var work = Path.Combine(cacheRoot, "npm", $".download-{package.Replace('/', '+')}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            logger.Installing(package, "npm pack");
            var (code, output) = await ProcessRunner.RunAsync("npm", ["pack", package, "--silent"], work, null, cancellationToken).ConfigureAwait(false);
            var tgz = Directory.EnumerateFiles(work, "*.tgz").FirstOrDefault();
            if (code != 0 || tgz is null)
            {
                throw new InvalidOperationException($"npm pack {package} failed (exit {code}):\n{ProcessRunner.Tail(output)}");
            }
            var unpacked = Path.Combine(work, "unpacked");
            await ExtractAsync(tgz, unpacked, keep, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(unpacked, CompleteMarker), Path.GetFileName(tgz), cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(target))
            {
                // Another process may have finished the same download meanwhile; its copy is as good as ours.
                if (File.Exists(Path.Combine(target, CompleteMarker)))
                {
                    return target;
                }
                Directory.Delete(target, recursive: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                Directory.Move(unpacked, target);
            }
            catch (IOException) when (File.Exists(Path.Combine(target, CompleteMarker)))
            {
                // Lost the race to another process that completed the same package.
            }
            return target;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task ExtractAsync(string tgz, string destination, Func<string, bool> keep, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        await using var file = File.OpenRead(tgz);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }
            var name = entry.Name.StartsWith("package/", StringComparison.Ordinal) ? entry.Name["package/".Length..] : entry.Name;
            if (!keep(name))
            {
                continue;
            }
            var path = Path.GetFullPath(Path.Combine(destination, name));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{tgz}: entry '{entry.Name}' points outside the package");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await entry.ExtractToFileAsync(path, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HasToolAsync(string tool, CancellationToken cancellationToken)
    {
        var (code, _) = await ProcessRunner.RunAsync(tool, ["--version"], null, null, cancellationToken).ConfigureAwait(false);
        return code == 0;
    }
}
