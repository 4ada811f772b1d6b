using System.Text.Json;
using Microsoft.Playwright;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// One run index: a run trained with `clip-host train` is the same run, under the same id, as one submitted through the
/// API, and the service lists it (Runs tab in a real Chromium, GET /api/runs) with the metrics the CLI wrote.
/// </summary>
public sealed class OneRunIndexBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task ARunTrainedByTheCli_IsListedByTheService_WithTheIdAndMetricsOfTheSameConfigSubmittedOverTheApi()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var config = dir.Write("index.json", ColoursData.Tiny("index"));
        var train = await ClipHostProcess.RunAsync(["train", "--config", config], env);
        Assert.True(train.ExitCode == 0, train.All);

        JsonElement fromCli;
        await using (var host = await RunningHost.StartAsync(env))
        {
            fromCli = Assert.Single((await host.GetJsonAsync("/api/runs")).EnumerateArray());
            Assert.Equal("index", fromCli.GetProperty("id").GetString());
            Assert.Equal("cli", fromCli.GetProperty("source").GetString());
            Assert.Equal("succeeded", fromCli.GetProperty("status").GetString());

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync(new() { BaseURL = host.Client.BaseAddress!.ToString() });
            await page.GotoAsync("/hangfire/runs");
            var row = page.Locator("table.runs tr", new() { HasText = "index" });
            await Assertions.Expect(row.Locator("td.status-succeeded")).ToBeVisibleAsync();
            await Assertions.Expect(row).ToContainTextAsync("cli");
            await Assertions.Expect(row).ToContainTextAsync("text_retrieval_recall@1");

            // Submitting the same config to this service takes up the finished run: nothing is trained again.
            var (status, again) = await host.PostJsonAsync("/api/runs", File.ReadAllText(config));
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
            Assert.Equal("index", again.GetProperty("id").GetString());
        }

        // The same config through the API of a service with runs of its own: the same id, the same metrics to the digit.
        var apiEnv = new Dictionary<string, string>(env) { ["CLIPHOST_Runs__Root"] = dir.Combine("api-runs") };
        await using (var host = await RunningHost.StartAsync(apiEnv))
        {
            var (status, submitted) = await host.PostJsonAsync("/api/runs", File.ReadAllText(config));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
            Assert.Equal("index", submitted.GetProperty("id").GetString());
            var fromApi = await host.WaitForRunAsync("index", r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3));
            Assert.True(fromApi.GetProperty("status").GetString() == "succeeded", fromApi.ToString());
            Assert.Equal(Metrics(fromCli), Metrics(fromApi));
            Assert.NotEmpty(Metrics(fromApi));
        }
    }

    private static SortedDictionary<string, string> Metrics(JsonElement run) =>
        new(run.GetProperty("metrics").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetRawText()), StringComparer.Ordinal);
}
