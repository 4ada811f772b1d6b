using Microsoft.Playwright;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Studies;

/// <summary>
/// A study file dropped in the studies folder is offered in the dashboard (Recurring Jobs, "study:&lt;file&gt;") and on
/// the Studies tab; Trigger now starts it, and the Studies tab follows its cells to the end, each linked to its run page.
/// </summary>
public sealed class StudyDashboardBrowserTests
{
    [Fact]
    public async Task AStudyFile_IsListedAndStartedFromTheDashboard_AndItsCellsLinkToTheirRuns()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        dir.Write("experiments/base.json", ColoursData.Tiny("base", epochs: 1));
        dir.Write("experiments/studies/seeds.json", """{ "name": "dash", "base": "../base.json", "axes": [ { "path": "training.seed", "values": [0, 1] } ] }""");
        env["CLIPHOST_Studies__Directory"] = dir.Combine("experiments", "studies");
        await using var host = await RunningHost.StartAsync(env);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = host.Client.BaseAddress!.ToString() });
        await page.GotoAsync("/hangfire/studies");
        await Assertions.Expect(page.Locator("table.startable tr", new() { HasText = "seeds" })).ToContainTextAsync("manual");

        await page.GotoAsync("/hangfire/recurring");
        var row = page.Locator("tr", new() { HasText = "study:seeds" });
        await row.Locator("input[type=checkbox]").CheckAsync();
        var trigger = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button", new() { HasText = "Trigger now" }).ClickAsync(),
            r => r.Url.Contains("/recurring/trigger", StringComparison.Ordinal));
        Assert.Equal(204, trigger.Status);

        // A tab of its own, which the recurring page's reload cannot touch; the Studies tab refreshes itself.
        var studies = await browser.NewPageAsync(new() { BaseURL = host.Client.BaseAddress!.ToString() });
        await studies.GotoAsync("/hangfire/studies");
        await Assertions.Expect(studies.Locator("#study-dash")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(studies.Locator("p.counts")).ToHaveTextAsync("2 succeeded", new() { Timeout = 180_000 });
        await studies.Locator("a.cell-run", new() { HasText = "seed-1" }).ClickAsync();
        await Assertions.Expect(studies.Locator("h1", new() { HasText = "dash-seed-1" })).ToBeVisibleAsync();
    }
}
