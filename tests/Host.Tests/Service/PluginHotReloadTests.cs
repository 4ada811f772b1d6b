using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>Plugins dropped into, replaced in and removed from a running host's plugins directory; broken ones.</summary>
public sealed class PluginHotReloadTests
{
    [Fact]
    public async Task PluginBuiltOutsideTheSolution_IsLoadedReplacedAndRemoved_WhileARunningJobKeepsItsVersion()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await PluginBuilds.OutputAsync();
        await using var host = await RunningHost.StartAsync(env);
        var plugins = dir.Combine("plugins");
        const string Strategy = """{ "id": "label-smoothed-clip", "options": { "smoothing": 0.1 } }""";

        // Unknown before it is dropped in: a run that names it is refused.
        var (refused, _) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("smooth", strategy: Strategy));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused);

        await PluginBuilds.InstallAsync("v1", plugins, "LabelSmoothedClip");
        await WaitForPluginAsync(host, p => Loaded(p, "LabelSmoothedClip", "1.0.0"));

        // A long run on v1, then v2 replaces the files: v2 is current, v1 drains with the one job that holds it.
        var (_, submitted) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("smooth", epochs: 5000, strategy: Strategy, checkpointEvery: 1000, evaluate: false));
        var longRun = submitted.GetProperty("id").GetString()!;
        var running = await host.WaitForRunAsync(longRun, r => r.GetProperty("status").GetString() == "training", TimeSpan.FromMinutes(1));
        Assert.Contains(running.GetProperty("components").EnumerateArray(), c => c.GetString() == "strategy:label-smoothed-clip@1.0.0.0 (LabelSmoothedClip 1.0.0)");
        await PluginBuilds.InstallAsync("v2", plugins, "LabelSmoothedClip");
        await WaitForPluginAsync(host, p => Loaded(p, "LabelSmoothedClip", "2.0.0") && p.Any(x => x.GetProperty("status").GetString() == "draining" && x.GetProperty("version").GetString() == "1.0.0" && x.GetProperty("runningJobs").GetInt32() == 1));
        Assert.Equal("training", (await host.GetJsonAsync($"/api/runs/{longRun}")).GetProperty("status").GetString());

        // A job submitted now gets v2; cancelling the v1 job lets v1 unload.
        var (_, second) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("smooth-v2", strategy: Strategy, evaluate: false));
        using (await host.Client.DeleteAsync(new Uri($"/api/runs/{longRun}", UriKind.Relative), TestContext.Current.CancellationToken))
        {
        }
        var done = await host.WaitForRunAsync(second.GetProperty("id").GetString()!, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(2));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Contains(done.GetProperty("components").EnumerateArray(), c => c.GetString() == "strategy:label-smoothed-clip@2.0.0.0 (LabelSmoothedClip 2.0.0)");
        await WaitForPluginAsync(host, p => !p.Any(x => x.GetProperty("status").GetString() == "draining"));

        // Removing the folder removes the plugin.
        Directory.Delete(Path.Combine(plugins, "LabelSmoothedClip"), recursive: true);
        await WaitForPluginAsync(host, p => !p.Any(x => x.GetProperty("name").GetString() == "LabelSmoothedClip"));
    }

    [Fact]
    public async Task ArchitecturePluginBuiltOutsideTheSolution_IsLoadedAndTrainsInARunningHost()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await PluginBuilds.OutputAsync();
        await using var host = await RunningHost.StartAsync(env);
        const string Vision = """{ "architecture": "plain-cnn", "imageSize": 16, "options": { "widths": [8, 8, 16, 16], "blocksPerStage": 1 } }""";

        var (refused, _) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("cnn", vision: Vision, evaluate: false));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused);

        await PluginBuilds.InstallAsync("plain-cnn", dir.Combine("plugins"), "PlainCnn");
        var listed = await WaitForPluginAsync(host, p => Loaded(p, "PlainCnn", "1.0.0"));
        var component = listed.Single(p => p.GetProperty("name").GetString() == "PlainCnn").GetProperty("components")[0];
        Assert.Equal("architecture", component.GetProperty("kind").GetString());
        Assert.Equal(["mini", "wide"], component.GetProperty("presets").EnumerateArray().Select(p => p.GetString()));

        // Its own validation runs before anything is queued: 20 px cannot be halved three times.
        var (odd, oddBody) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("cnn", vision: Vision.Replace("\"imageSize\": 16", "\"imageSize\": 20", StringComparison.Ordinal), evaluate: false));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, odd);
        Assert.Contains(oddBody.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "model.vision.options");

        var (_, submitted) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("cnn", vision: Vision));
        var done = await host.WaitForRunAsync(submitted.GetProperty("id").GetString()!, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(2));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Contains(done.GetProperty("components").EnumerateArray(), c => c.GetString()!.Contains("plain-cnn@1.0.0.0 (PlainCnn 1.0.0)", StringComparison.Ordinal));
        Assert.Contains(done.GetProperty("metrics").EnumerateObject(), m => m.Name.StartsWith("colours/zeroshot_classification/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenPlugins_AreListedAsFailedWithTheirReasons_AndTheHostKeepsWorking()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await PluginBuilds.OutputAsync();
        await using var host = await RunningHost.StartAsync(env);
        var plugins = dir.Combine("plugins");

        dir.Write("plugins/NotAnAssembly/NotAnAssembly.dll", "this is not a .NET assembly");
        Directory.CreateDirectory(Path.Combine(plugins, "Empty"));
        await PluginBuilds.InstallAsync("broken", plugins, "BrokenPlugin");
        await PluginBuilds.InstallAsync("v1", plugins, "LabelSmoothedClip");
        await PluginBuilds.InstallAsync("copy", plugins, "LabelSmoothedClipCopy");
        await PluginBuilds.InstallAsync("future", plugins, "FutureAbi");
        await PluginBuilds.InstallAsync("future-modules", plugins, "FutureModules");

        var listed = await WaitForPluginAsync(host, p => p.Count(x => x.GetProperty("status").GetString() == "failed") == 6 && Loaded(p, "LabelSmoothedClip", "1.0.0"));
        string Error(string name) => listed.Single(x => x.GetProperty("name").GetString() == name).GetProperty("error").GetString()!;
        Assert.Contains("refuses to start", Error("BrokenPlugin"), StringComparison.Ordinal);
        Assert.Contains("Empty.dll is missing", Error("Empty"), StringComparison.Ordinal);
        Assert.Contains("already provided by plugin LabelSmoothedClip", Error("LabelSmoothedClipCopy"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Error("NotAnAssembly")));
        var hostAbi = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(Path.GetDirectoryName(ClipHostProcess.Dll)!, "ClipHost.Abstractions.dll")).Version;
        Assert.Contains($"built against ClipHost.Abstractions 9.0.0.0, the host has {hostAbi}", Error("FutureAbi"), StringComparison.Ordinal);
        var hostModules = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(Path.GetDirectoryName(ClipHostProcess.Dll)!, "ClipHost.Modules.dll")).Version;
        Assert.Contains($"built against ClipHost.Modules 9.0.0.0, the host has {hostModules}", Error("FutureModules"), StringComparison.Ordinal);
        Assert.True(Loaded(listed, "ClipHost.Plugins.Architectures.Vit", "1.0.0"));

        var (_, submitted) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("still-works", evaluate: false));
        var done = await host.WaitForRunAsync(submitted.GetProperty("id").GetString()!, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(2));
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
    }

    internal static bool Loaded(IReadOnlyList<JsonElement> plugins, string name, string version) =>
        plugins.Any(p => p.GetProperty("name").GetString() == name && p.GetProperty("status").GetString() == "loaded" && p.GetProperty("version").GetString() == version);

    /// <summary>Polls GET /api/plugins; the host rescans every 500 ms in tests, so this normally takes about a second.</summary>
    internal static async Task<IReadOnlyList<JsonElement>> WaitForPluginAsync(RunningHost host, Func<IReadOnlyList<JsonElement>, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        IReadOnlyList<JsonElement> last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = [.. (await host.GetJsonAsync("/api/plugins")).GetProperty("plugins").EnumerateArray()];
            if (until(last))
            {
                return last;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"plugins did not reach the expected state: {string.Join("\n", last)}\n{host.Output}");
    }
}
