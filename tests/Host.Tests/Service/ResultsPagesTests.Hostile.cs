using System.Net;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// The results pages of a running host and of `clip-host runs report`, over <see cref="ResultsRuns"/> (one training
/// per class). This part: the results routes take run ids and file names from the URL: every way out of a run folder (dot segments, encoded
/// or not, a link inside a run, a run folder that is a link, an id that is no identifier) is a 404 or 400 and serves
/// nothing from outside; a real run file is served.
/// </summary>
public sealed partial class ResultsPagesTests(ResultsRuns runs) : IClassFixture<ResultsRuns>
{
    [Fact]
    public async Task RunFile_ACheckpointAndTheConfig_AreServed()
    {
        var checkpoint = Directory.EnumerateFiles(Path.Combine(runs.RunsRoot, "a-seed-0", "checkpoints"), "*.json", SearchOption.AllDirectories).First();
        var relative = Path.GetRelativePath(Path.Combine(runs.RunsRoot, "a-seed-0"), checkpoint);
        var (status, body) = await GetAsync($"/hangfire/results/files/a-seed-0/{relative}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(File.ReadAllText(checkpoint), body);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/hangfire/results/files/a-seed-0/config.json")).Status);
    }

    [Theory]
    [InlineData("/hangfire/results/files/a-seed-0/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/hangfire/results/files/a-seed-0/../../secret.txt")]
    [InlineData("/hangfire/results/files/a-seed-0/..%2f..%2fsecret.txt")]
    [InlineData("/hangfire/results/files/a-seed-0/%2e%2e%2f%2e%2e%2fsecret.txt")]
    [InlineData("/hangfire/results/files/a-seed-0/leak.json")]
    [InlineData("/hangfire/results/files/evil/config.json")]
    [InlineData("/hangfire/results/files/%2e%2e/secret.txt")]
    [InlineData("/hangfire/results/files/a-seed-0//etc/passwd")]
    [InlineData("/hangfire/results/files/a-seed-0/%2fetc%2fpasswd")]
    [InlineData("/hangfire/results/runs/..%2f..%2fsecret.txt")]
    [InlineData("/hangfire/results/runs/evil")]
    [InlineData("/hangfire/results/runs/no-such-run")]
    [InlineData("/hangfire/results/runs/-rf")]
    [InlineData("/hangfire/results/compare?a=a-seed-0&b=..%2fsecret")]
    [InlineData("/hangfire/results/figures/runs/%2e%2e/loss.png")]
    [InlineData("/hangfire/results/figures/runs/a-seed-0/..%2f..%2fsecret.png")]
    public async Task HostileUrl_IsRefused_AndServesNothingFromOutside(string path)
    {
        var (status, body) = await GetAsync(path);
        Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)status}\n{body}");
        Assert.DoesNotContain(ResultsRuns.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTable_ARunFolderLinkedOutOfTheRunsRoot_IsNotListedNorRead()
    {
        // Kestrel folds "/runs/%2e%2e" into the runs table itself; that page must not read the linked folder either.
        var (status, body) = await GetAsync("/hangfire/results/runs/%2e%2e");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("a-seed-0", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsRuns.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", body, StringComparison.Ordinal);
    }

    /// <summary>GETs the path exactly as written: no client-side removal of dot segments or unescaping.</summary>
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        var uri = new Uri(runs.Host.Client.BaseAddress!.ToString().TrimEnd('/') + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var response = await runs.Host.Client.GetAsync(uri, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
