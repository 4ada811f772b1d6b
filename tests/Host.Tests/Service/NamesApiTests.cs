using System.Net;
using System.Text;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>Names and paths a request carries: refused with 400 naming the field, before any folder is made or any store touched.</summary>
public sealed class NamesApiTests
{
    [Fact]
    public async Task HostileNamesAndPaths_AreRefusedNamingTheField_AndLeaveNothingOnDisk()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);

        // A run is named after its experiment, so the name is held to the identifier rule (at most 128 characters).
        var (status, body) = await PostAsync(host, "/api/runs", ColoursData.Tiny(new string('n', 190), evaluate: false));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        Assert.Equal("name", Field(body));
        Assert.Contains("128", body, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("runs")) && Directory.EnumerateFileSystemEntries(dir.Combine("runs")).Any());

        (status, body) = await PostAsync(host, "/api/runs", ColoursData.Tiny("outside", evaluate: false).Replace("\"store\": \"colours\", \"train\"", "\"store\": \"../stores/colours\", \"train\"", StringComparison.Ordinal));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        Assert.Equal("data.store", Field(body));

        // A manifest named "...csv" would name its store "..": the data root itself, replaced.
        Directory.CreateDirectory(dir.Combine("data", "in"));
        var before = Tree(dir.Path);
        var manifest = dir.Write("data/in/...csv", "filepath,caption\nred/000.png,a red square\n");
        (status, body) = await PostAsync(host, "/api/imports", JsonSerializer.Serialize(new { source = "csv", path = manifest, replace = true }));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        Assert.Equal("name", Field(body));
        Assert.Contains(manifest, body, StringComparison.Ordinal);
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.True(File.Exists(dir.Combine("data", "stores", "colours", "manifest.json")), "the colours store was deleted");
        Assert.Equal(before.Append(manifest).Order(StringComparer.Ordinal), Tree(dir.Path));
    }

    [Fact]
    public async Task ImportPaths_OutsideTheImportRoot_AreRefusedBeforeAnythingIsRead()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);
        // A folder of captioned images outside the data root, and a link inside the root that points to it.
        dir.Write("elsewhere/secret/000.png", Images.Png(8, 8));
        dir.Write("elsewhere/secret/000.txt", "a secret");
        Directory.CreateDirectory(dir.Combine("data", "in"));
        Directory.CreateSymbolicLink(dir.Combine("data", "in", "link"), dir.Combine("elsewhere", "secret"));
        foreach (var (source, path) in new[] { ("folder", dir.Combine("elsewhere", "secret")), ("folder", "../elsewhere/secret"), ("folder", "in/link"), ("csv", "/etc/passwd"), ("csv", "/no/such/file.csv") })
        {
            var (status, body) = await PostAsync(host, "/api/imports", JsonSerializer.Serialize(new { source, path, name = "stolen" }));
            Assert.True(status == HttpStatusCode.BadRequest, $"{source} {path}: {(int)status} {body}");
            Assert.Equal("path", Field(body));
            Assert.Contains("import root", body, StringComparison.Ordinal);
            // Refused for where it is, not for whether it exists: a request cannot probe the machine's files.
            Assert.DoesNotContain("does not exist", body, StringComparison.Ordinal);
        }
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "stolen")));
    }

    /// <summary>Every folder and file under the test's folder but the runs root (the host writes its log there).</summary>
    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(p => !p.Contains("/runs", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static string? Field(string body) => JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("field").GetString();

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(RunningHost host, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
