using System.Net;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// The service keeps the checkpoint of the last search or embedding loaded (LoadedCheckpoints): a second request against
/// the same run does not load it again, and the plugin lease it holds is given back as soon as a plugin is replaced, so
/// the old version unloads at once rather than when the cache would go idle (minutes later).
/// </summary>
public sealed class LoadedCheckpointsTests
{
    private const string Loaded = "loaded for searches and embeddings";

    // The console logger's queue may print a request's line after its response arrived (CI saw 1 load where 2 happened).
    private static readonly TimeSpan LogDelay = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ARunStaysLoadedBetweenRequests_AndAReplacedPluginIsLetGoAtOnce()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await PluginBuilds.OutputAsync();
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("tiny.json", ColoursData.Tiny("tiny", epochs: 1, evaluate: false))], env);
        Assert.True(trained.ExitCode == 0, trained.All);
        var plugins = dir.Combine("plugins");
        await PluginBuilds.InstallAsync("v1", plugins, "LabelSmoothedClip");
        await using var host = await RunningHost.StartAsync(env);
        await PluginHotReloadTests.WaitForPluginAsync(host, p => PluginHotReloadTests.Loaded(p, "LabelSmoothedClip", "1.0.0"));

        var first = await EmbedAsync(host);
        var second = await EmbedAsync(host);

        Assert.Equal(first, second);
        Assert.Equal(1, Count(await host.WaitForOutputAsync(o => Count(o, Loaded) >= 1, LogDelay), Loaded));
        // Held between requests: the loaded model's lease is on every plugin, although no job runs.
        var held = await PluginHotReloadTests.WaitForPluginAsync(host, _ => true);
        Assert.Equal(1, held.Single(p => p.GetProperty("name").GetString() == "LabelSmoothedClip").GetProperty("runningJobs").GetInt32());

        await PluginBuilds.InstallAsync("v2", plugins, "LabelSmoothedClip");
        var replaced = await PluginHotReloadTests.WaitForPluginAsync(host, p => PluginHotReloadTests.Loaded(p, "LabelSmoothedClip", "2.0.0")
            && !p.Any(x => x.GetProperty("status").GetString() == "draining"));
        Assert.Equal(0, replaced.Single(p => p.GetProperty("name").GetString() == "LabelSmoothedClip").GetProperty("runningJobs").GetInt32());

        var third = await EmbedAsync(host);

        Assert.Equal(2, Count(await host.WaitForOutputAsync(o => Count(o, Loaded) >= 2, LogDelay), Loaded));
        Assert.True(first.Zip(third).All(p => Math.Abs(p.First - p.Second) < 1e-6), "the same checkpoint loaded again embeds differently");
    }

    private static async Task<double[]> EmbedAsync(RunningHost host)
    {
        var (status, body) = await host.PostJsonAsync("/api/runs/tiny/embed", """{ "texts": ["a red square"] }""");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return [.. body.GetProperty("rows")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble())];
    }

    private static int Count(string output, string text)
    {
        var count = 0;
        for (var at = output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = output.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
