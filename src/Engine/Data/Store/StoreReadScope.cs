namespace ClipHost.Engine.Data.Store;

/// <summary>
/// Stores' sample lists parsed once per batch of checks. Checking a recipe search's 108 points opened the same four
/// stores 436 times and parsed every samples.jsonl each time: five minutes before the first trial on two busy cores
/// (AMD EPYC Zen 3), longer than an HTTP request to the service may wait. Inside a scope <see cref="ClipStore.Open"/>
/// reuses a samples file it has parsed while the file's size and time written are unchanged; outside one it keeps
/// nothing, so a long-running host holds no store's samples between requests. The scope flows with the async context
/// that began it; a scope begun inside another shares the outer one's reads and leaves them to it.
/// </summary>
public sealed class StoreReadScope : IDisposable
{
    private static readonly AsyncLocal<StoreReadScope?> Current = new();

    // Null for a nested scope, which owns nothing.
    private readonly Dictionary<string, (string Stamp, StoredSample[] Samples)>? _read;
    private readonly Lock _gate = new();

    private StoreReadScope(bool owns) => _read = owns ? new(StringComparer.Ordinal) : null;

    /// <summary>Begins a scope for the calls that follow in this context; dispose it to let the samples go.</summary>
    public static StoreReadScope Begin()
    {
        if (Current.Value is not null)
        {
            return new StoreReadScope(owns: false);
        }
        var scope = new StoreReadScope(owns: true);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The samples file <paramref name="file"/>, from the current scope when it has read it unchanged, else from <paramref name="read"/>.</summary>
    internal static StoredSample[] Samples(string file, Func<StoredSample[]> read)
    {
        if (Current.Value is not { _read: { } held } scope)
        {
            return read();
        }
        var info = new FileInfo(file);
        var stamp = $"{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        var key = Path.GetFullPath(file);
        lock (scope._gate)
        {
            if (held.TryGetValue(key, out var seen) && seen.Stamp == stamp)
            {
                return seen.Samples;
            }
            var samples = read();
            held[key] = (stamp, samples);
            return samples;
        }
    }

    public void Dispose()
    {
        if (_read is null)
        {
            return;
        }
        if (Current.Value == this)
        {
            Current.Value = null;
        }
        lock (_gate)
        {
            _read.Clear();
        }
    }
}
