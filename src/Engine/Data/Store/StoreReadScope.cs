namespace ClipHost.Engine.Data.Store;

/// <summary>
/// Stores' sample lists parsed once per batch of checks. Checking a recipe search's 108 points opened the same four
/// stores 436 times and parsed every samples.jsonl each time: five minutes on two busy cores before the first trial,
/// longer than an HTTP request to the service may wait. Inside a scope <see cref="ClipStore.Open"/> reuses a samples
/// file it has parsed while the file's size and time written are unchanged; outside one it keeps nothing, so a
/// long-running host holds no store's samples between requests. The scope flows with the async context that began
/// it, and nested scopes share the outermost one's reads.
/// </summary>
public sealed class StoreReadScope : IDisposable
{
    private static readonly AsyncLocal<StoreReadScope?> Current = new();

    private readonly StoreReadScope? _outer;
    private readonly Dictionary<string, (string Stamp, StoredSample[] Samples)> _read = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private StoreReadScope(StoreReadScope? outer) => _outer = outer;

    /// <summary>Begins a scope for the calls that follow in this context; dispose it to let the samples go.</summary>
    public static StoreReadScope Begin()
    {
        var scope = new StoreReadScope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The samples file <paramref name="file"/>, from the current scope when it has read it unchanged, else from <paramref name="read"/>.</summary>
    internal static StoredSample[] Samples(string file, Func<StoredSample[]> read)
    {
        var scope = Current.Value;
        while (scope?._outer is { } outer)
        {
            scope = outer;
        }
        if (scope is null)
        {
            return read();
        }
        var info = new FileInfo(file);
        var stamp = $"{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        var key = Path.GetFullPath(file);
        lock (scope._gate)
        {
            if (scope._read.TryGetValue(key, out var held) && held.Stamp == stamp)
            {
                return held.Samples;
            }
            var samples = read();
            scope._read[key] = (stamp, samples);
            return samples;
        }
    }

    public void Dispose()
    {
        if (Current.Value == this)
        {
            Current.Value = _outer;
        }
        lock (_gate)
        {
            _read.Clear();
        }
    }
}
