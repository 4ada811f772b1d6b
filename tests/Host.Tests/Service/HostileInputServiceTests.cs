using System.Globalization;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>Link loops reaching a running service: in its plugins folder and in a folder it is asked to import.</summary>
public sealed class HostileInputServiceTests
{
    [Fact]
    public async Task LinkLoops_InThePluginsFolderAndInAnImport_NeitherHangNorGrowTheService()
    {
        using var dir = new TempDir();
        var env = RunningHost.Environment(dir);
        RunningHost.InstallBuiltInPlugins(dir);
        var plugins = dir.Combine("plugins");
        var vit = Directory.EnumerateDirectories(plugins).Single(d => d.EndsWith("Vit", StringComparison.Ordinal));
        // Two links up in one folder make 2^40 paths before the kernel's link limit: present at the first scan,
        // and another loop appearing while the service runs (a rescan).
        Directory.CreateSymbolicLink(Path.Combine(vit, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(vit, "up2"), "..");
        await using var host = await RunningHost.StartAsync(env);
        Directory.CreateSymbolicLink(Path.Combine(plugins, "Looped"), plugins);
        var rssBefore = Rss(host.ProcessId);

        // Several scans at 500 ms: each GET answers within the client's timeout and the plugins stay loaded.
        for (var i = 0; i < 8; i++)
        {
            var listed = (await host.GetJsonAsync("/api/plugins")).GetProperty("plugins").EnumerateArray().ToList();
            Assert.Contains(listed, p => p.GetProperty("name").GetString() == Path.GetFileName(vit) && p.GetProperty("status").GetString() == "loaded");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        var growth = Rss(host.ProcessId) - rssBefore;
        Assert.True(growth < 200L << 20, $"RSS grew by {growth >> 20} MiB while scanning a looping plugins folder");

        // A folder import through a loop ends, each image imported once.
        dir.Write("data/in/a.png", Images.Png(16, 1));
        dir.Write("data/in/a.txt", "first");
        dir.Write("data/in/sub/b.png", Images.Png(16, 2));
        dir.Write("data/in/sub/b.txt", "second");
        Directory.CreateSymbolicLink(dir.Combine("data", "in", "sub", "loop"), "..");
        Directory.CreateSymbolicLink(dir.Combine("data", "in", "self"), ".");
        var request = JsonSerializer.Serialize(new { source = "folder", path = dir.Combine("data", "in"), name = "looped" });
        var (status, body) = await host.PostJsonAsync("/api/imports", request);
        Assert.True(status == System.Net.HttpStatusCode.Accepted, body.ToString());
        var manifest = dir.Combine("data", "stores", "looped", "manifest.json");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(manifest) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        Assert.True(File.Exists(manifest), $"the import did not finish within 30 s\n{host.Output}");
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken));
        Assert.Equal(2, written.RootElement.GetProperty("count").GetInt32());
    }

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) << 10;
    }
}
