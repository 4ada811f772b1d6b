namespace ClipHost.Host.Cli;

/// <summary>Reports on the calling thread; Progress&lt;T&gt; would post to the pool and reorder or lag reports.</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
