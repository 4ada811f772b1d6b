using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>
/// The checkpoint the last search or embedding request used, kept loaded with its encoder and content hash, so a page
/// typing one query after another against a run loads and hashes it once. One entry, used under a lock (requests against
/// it take turns: one model on two cores gains nothing from two at once). The entry holds a plugin lease, so it is
/// dropped as soon as the catalog changes (a replaced plugin version must not stay loaded for it), when the checkpoint's
/// files change, and after <see cref="IdleTimeout"/> unused (its memory goes back).
/// </summary>
public sealed partial class LoadedCheckpoints : IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    private readonly PluginCatalog _catalog;
    private readonly ILogger<LoadedCheckpoints> _logger;
    private readonly Lock _gate = new();
    private readonly Timer _idle;
    private LoadedCheckpoint? _loaded;

    public LoadedCheckpoints(PluginCatalog catalog, ILogger<LoadedCheckpoints> logger)
    {
        _catalog = catalog;
        _logger = logger;
        _idle = new Timer(_ => Drop());
        catalog.Changed += Drop;
    }

    /// <summary>Runs <paramref name="work"/> with the checkpoint loaded, loading it unless it is the one held.</summary>
    public T Use<T>(string checkpoint, Func<LoadedCheckpoint, T> work)
    {
        lock (_gate)
        {
            var stamp = Stamp(checkpoint);
            if (_loaded is not { } held || held.Folder != checkpoint || held.Stamp != stamp || held.Generation != _catalog.Current.Generation)
            {
                DropHeld();
                _loaded = LoadedCheckpoint.Load(checkpoint, stamp, _catalog);
                CheckpointLoaded(_logger, checkpoint, _loaded.Generation);
            }
            try
            {
                return work(_loaded);
            }
            finally
            {
                _idle.Change(IdleTimeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // The checkpoint's files by name, size and time written: a folder written again (a run restarted from scratch)
    // is loaded again; reading it is a directory listing, not a hash of the weights.
    private static string Stamp(string checkpoint) => string.Join('|', new DirectoryInfo(checkpoint).EnumerateFiles()
        .OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    private void Drop()
    {
        lock (_gate)
        {
            DropHeld();
        }
    }

    private void DropHeld()
    {
        _loaded?.Dispose();
        _loaded = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Checkpoint} loaded for searches and embeddings (plugin generation {Generation}); held until a plugin changes or it is idle")]
    private static partial void CheckpointLoaded(ILogger logger, string checkpoint, long generation);

    public void Dispose()
    {
        _catalog.Changed -= Drop;
        _idle.Dispose();
        Drop();
    }
}
