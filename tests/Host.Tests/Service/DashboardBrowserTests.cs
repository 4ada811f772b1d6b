using Microsoft.Playwright;

namespace ClipHost.Host.Tests.Service;

/// <summary>The Hangfire dashboard in a real headless Chromium (Debian `chromium`), driven by Playwright.</summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task TriggerNow_OnTheRecurringJobsPage_RunsTheDeclaredExperimentToCompletion()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        env["CLIPHOST_Experiments__tiny__File"] = dir.Write("tiny.json", ColoursData.Tiny("tiny"));
        await using var host = await RunningHost.StartAsync(env);
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = host.Client.BaseAddress!.ToString() });

        await page.GotoAsync("/hangfire/recurring");
        var row = page.Locator("tr", new() { HasText = "experiment:tiny" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "experiment:quickstart" })).ToBeVisibleAsync();
        await row.Locator("input[type=checkbox]").CheckAsync();
        // The dashboard posts the command (with the page's antiforgery token), then reloads its own page when the
        // answer comes. That reload can land after any wait on this tab (CI saw it interrupt the next navigation), so
        // the Runs tab is opened in a tab of its own, which the reload cannot touch.
        var trigger = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button", new() { HasText = "Trigger now" }).ClickAsync(),
            r => r.Url.Contains("/recurring/trigger", StringComparison.Ordinal));
        Assert.Equal(204, trigger.Status);

        // The launcher queues a run of its own; the Runs tab shows it through to Succeeded with its metrics.
        var runsPage = await browser.NewPageAsync(new() { BaseURL = host.Client.BaseAddress!.ToString() });
        await runsPage.GotoAsync("/hangfire/runs");
        var runRow = runsPage.Locator("table.runs tr", new() { HasText = "schedule:tiny" });
        await Assertions.Expect(runRow).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(runRow.Locator("td.status-succeeded")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(runRow).ToContainTextAsync("text_retrieval_recall@1");

        var runs = (await host.GetJsonAsync("/api/runs")).EnumerateArray().ToList();
        var run = Assert.Single(runs);
        Assert.Equal("schedule:tiny", run.GetProperty("source").GetString());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
    }
}
