using System.Net;
using System.Text.Json;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Search;

/// <summary>
/// A recipe search through the service: POST /api/recipes/search (or the CLI on the service's PostgreSQL) checks every
/// point and queues the search, whose
/// advance job queues each rung's trials as ordinary training jobs; GET /api/recipes/searches/{name} follows it. On two
/// hosts sharing one PostgreSQL, a host killed mid-trial loses nothing: the trial resumes from its checkpoint on the
/// other host and no trial trains twice.
/// </summary>
public sealed class RecipeSearchServiceTests
{
    [Fact]
    public async Task ASearchSentToTheService_RunsRungByRung_AnswersOnce_AndRefusesWhatItCannotRun()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        env["CLIPHOST_Jobs__SearchPollSeconds"] = "1";
        await using var host = await RunningHost.StartAsync(env);

        // A bad point refuses the whole search, naming the point and the field; nothing is queued or recorded.
        var bad = RecipeSearchCliTests.Search("bad", 1).Replace("[0.00001, 0.01, 0.003, 0.0001]", "[0.01, -1]", StringComparison.Ordinal);
        var (status, refusal) = await host.PostJsonAsync("/api/recipes/search", bad);
        Assert.True(status == HttpStatusCode.BadRequest, refusal.ToString());
        Assert.Contains(refusal.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString()!.StartsWith("learningRate-v2: training.learningRate", StringComparison.Ordinal));
        Assert.Empty((await host.GetJsonAsync("/api/recipes/searches")).EnumerateArray());
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
        // A base named by file must lie in the service's experiments folder; a budget must be a positive number.
        (status, refusal) = await host.PostJsonAsync("/api/recipes/search", RecipeSearchCliTests.Search("escape", 1, "\"../../../etc/passwd\""));
        Assert.Equal("base", Assert.Single(refusal.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        (status, refusal) = await host.PostJsonAsync("/api/recipes/search?budget=-3", RecipeSearchCliTests.Search("lr", 1, incumbent: false));
        Assert.Equal("budget", Assert.Single(refusal.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());

        (status, var submitted) = await host.PostJsonAsync("/api/recipes/search", RecipeSearchCliTests.Search("lr", 1, incumbent: false));
        Assert.True(status == HttpStatusCode.Accepted, submitted.ToString());
        Assert.Equal(4, submitted.GetProperty("points").GetInt32());
        var done = await WaitForSearchAsync(host, "lr", TimeSpan.FromMinutes(15));

        // Two first-rung trials at half the budget, the better one promoted and trained at the full budget: 3 runs, each trained once.
        var trials = done.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal([0, 0, 1], trials.Select(t => t.GetProperty("rung").GetInt32()).Order());
        foreach (var trial in trials)
        {
            var run = await host.GetJsonAsync($"/api/runs/{trial.GetProperty("runId").GetString()}");
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            Assert.Equal(1, run.GetProperty("attempts").GetInt32());
            Assert.Equal("search:lr", run.GetProperty("source").GetString());
        }
        var winner = done.GetProperty("winner").GetString()!;
        Assert.Equal(winner, Assert.Single(trials, t => t.GetProperty("rung").GetInt32() == 1).GetProperty("cell").GetString());
        Assert.Contains($"Recommended: **{winner}**", done.GetProperty("report").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("runs", ".searches", "lr", "recommended.json")));
        Assert.True(File.Exists(dir.Combine("runs", ".searches", "lr", "test", "colours_zeroshot_retrieval.json")));
        Assert.True(done.GetProperty("compute").GetProperty("totalGflops").GetDouble() > 0);

        await AssertSearchPageAsync(host, "lr", winner);

        // Sent again, it answers at once from what is on disk and trains nothing; the same name with another
        // definition is refused as a conflict.
        (status, var again) = await host.PostJsonAsync("/api/recipes/search", RecipeSearchCliTests.Search("lr", 1, incumbent: false));
        Assert.True(status == HttpStatusCode.Accepted, again.ToString());
        Assert.True(again.GetProperty("finished").GetBoolean(), again.ToString());
        Assert.Equal(3, (await host.GetJsonAsync("/api/runs")).EnumerateArray().Count());
        (status, refusal) = await host.PostJsonAsync("/api/recipes/search", RecipeSearchCliTests.Search("lr", 2, incumbent: false));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("name", Assert.Single(refusal.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task KillingAHostMidTrial_TheTrialResumesOnTheOtherHost_AndTheSearchFinishesWithNoTrialTrainedTwice()
    {
        using var dir = new TempDir();
        await using var db = await Postgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        TwoHostsOnPostgresTests.UsePostgres(env, db);
        env["CLIPHOST_Jobs__SearchPollSeconds"] = "1";
        await using var a = await RunningHost.StartAsync(env);
        await using var b = await RunningHost.StartAsync(env);
        // Trials of about a hundred steps with a checkpoint every 3: caught training with a checkpoint on disk.
        var search = RecipeSearchCliTests.Search("crash", 1, incumbent: false);

        // Sent by the CLI on the service's PostgreSQL: it checks the search and queues it, training nothing itself.
        var sent = await ClipHostProcess.RunAsync(["recipe", "search", dir.Write("experiments/searches/crash.json", search)], env);
        Assert.True(sent.ExitCode == 0, sent.All);
        Assert.Contains("on the shared queue", sent.Stdout, StringComparison.Ordinal);
        var (victimRun, victim) = await FirstCheckpointedAsync(dir, [a, b], "crash-r0-");
        victim.Kill();
        var survivor = victim == a ? b : a;

        var done = await WaitForSearchAsync(survivor, "crash", TimeSpan.FromMinutes(15));
        var trials = done.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("runId").GetString()!).ToList();
        Assert.Equal(3, trials.Count);
        Assert.Equal(3, Directory.GetDirectories(dir.Combine("runs")).Count(d => Path.GetFileName(d).StartsWith("crash-r", StringComparison.Ordinal)));
        foreach (var id in trials)
        {
            var run = await survivor.GetJsonAsync($"/api/runs/{id}");
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            // Only the killed trial ran a second time, and that time it resumed from its checkpoint.
            Assert.Equal(id == victimRun ? 2 : 1, run.GetProperty("attempts").GetInt32());
        }
        var resumed = await survivor.GetJsonAsync($"/api/runs/{victimRun}");
        Assert.True(resumed.GetProperty("resumedFromStep").GetInt64() >= 3, resumed.ToString());
        Assert.True(File.Exists(dir.Combine("runs", ".searches", "crash", "report.md")));
    }

    /// <summary>
    /// The search's page in a real Chromium: the three trials (the winner marked), both plots loaded, the report with the
    /// paper's prediction. With CLIPHOST_SCREENSHOTS set, saves the page there (the screenshot in docs/recipe-search.md).
    /// </summary>
    private static async Task AssertSearchPageAsync(RunningHost host, string search, string winner)
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = host.Client.BaseAddress!.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync($"/hangfire/results/searches/{search}");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#trials tbody tr")).ToHaveCountAsync(3);
        Assert.Equal("winner", (await page.Locator($"#trials tr[data-rung='1'][data-cell='{winner}'] td").Nth(5).InnerTextAsync()).Trim());
        var images = await page.EvaluateAsync<string[]>("() => Array.from(document.images).map(i => (i.complete && i.naturalWidth > 0 ? 'loaded ' : 'broken ') + i.getAttribute('src'))");
        Assert.Equal(2, images.Count(i => i.Contains("/figures/searches/", StringComparison.Ordinal)));
        Assert.All(images, i => Assert.StartsWith("loaded ", i, StringComparison.Ordinal));
        var report = await page.Locator("#report").InnerTextAsync();
        Assert.Contains("What the paper predicts at this budget", report, StringComparison.Ordinal);
        Assert.Contains("| training.learningRate |", report, StringComparison.Ordinal);
        if (System.Environment.GetEnvironmentVariable("CLIPHOST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "search-page.png"), FullPage = true });
        }
        using var missing = await host.Client.GetAsync(new Uri("/hangfire/results/searches/no-such-search", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The first trial seen training with a checkpoint on disk, and the host training it.</summary>
    private static async Task<(string Run, RunningHost Host)> FirstCheckpointedAsync(TempDir dir, RunningHost[] hosts, string prefix)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var candidates = Directory.Exists(dir.Combine("runs"))
                ? Directory.GetDirectories(dir.Combine("runs")).Select(Path.GetFileName).Where(n => n!.StartsWith(prefix, StringComparison.Ordinal)).ToList()
                : [];
            foreach (var id in candidates.Where(r => File.Exists(dir.Combine("runs", r!, "checkpoints", "latest"))))
            {
                var run = await hosts[0].GetJsonAsync($"/api/runs/{id}");
                if (run.GetProperty("status").GetString() == "training" && run.GetProperty("host").GetString() is { } host)
                {
                    return (id!, hosts.Single(h => host.EndsWith($":{h.ProcessId}", StringComparison.Ordinal)));
                }
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("no trial reached a checkpoint while training");
    }

    private static async Task<JsonElement> WaitForSearchAsync(RunningHost host, string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement search = default;
        while (DateTime.UtcNow < deadline)
        {
            search = await host.GetJsonAsync($"/api/recipes/searches/{name}");
            if (search.GetProperty("finished").GetBoolean())
            {
                return search;
            }
            Assert.True(search.GetProperty("stalled").ValueKind == JsonValueKind.Null, search.ToString());
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"search {name} did not finish: {search}\n{host.Output}");
    }
}
