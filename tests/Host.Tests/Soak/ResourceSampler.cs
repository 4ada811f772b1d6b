using System.Diagnostics;

namespace ClipHost.Host.Tests.Soak;

/// <summary>Reads a process's <see cref="ProcessSample"/> at a fixed interval in the background until disposed.</summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private readonly List<ProcessSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceSampler(int pid, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                if (ProcessSample.Read(pid, clock.Elapsed) is { } sample)
                {
                    lock (_samples)
                    {
                        _samples.Add(sample);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    public IReadOnlyList<ProcessSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The timer's wait ends this way when sampling stops.
        }
        _stop.Dispose();
    }
}
