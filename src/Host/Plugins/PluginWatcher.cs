using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Plugins;

/// <summary>
/// Hot reload for the service: rescans the plugins directory on every file-system event and at a fixed interval
/// (events alone miss changes on network file systems), so a dropped-in folder or a rebuilt DLL is usable within
/// two scans, a few seconds, without a restart.
/// </summary>
public sealed class PluginWatcher(PluginCatalog catalog, IOptions<PluginOptions> options, ILogger<PluginWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = new SemaphoreSlim(0);
        using var watcher = Watch(catalog.Root, wake);
        var interval = TimeSpan.FromMilliseconds(options.Value.ScanIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(interval, stoppingToken).ConfigureAwait(false);
                // Let a burst of events (a copy of several files) finish before looking.
                await Task.Delay(interval / 4, stoppingToken).ConfigureAwait(false);
                while (wake.CurrentCount > 0)
                {
                    await wake.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catalog.Refresh(cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (IOException e)
            {
                PluginLog.ScanFailed(logger, e);
            }
            catch (UnauthorizedAccessException e)
            {
                PluginLog.ScanFailed(logger, e);
            }
        }
    }

    private static FileSystemWatcher? Watch(string root, SemaphoreSlim wake)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }
        var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler handler = (_, _) => wake.Release();
        watcher.Created += handler;
        watcher.Changed += handler;
        watcher.Deleted += handler;
        watcher.Renamed += (_, _) => wake.Release();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
