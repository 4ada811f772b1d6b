using Microsoft.Playwright;

namespace ClipHost.Host.Tests.Service;

/// <summary>The results pages in a real headless Chromium (Debian `chromium`, driven by Playwright).</summary>
public sealed partial class ResultsPagesTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string LoadedImages = "() => Array.from(document.images).map(i => (i.complete && i.naturalWidth > 0 ? 'loaded ' : 'broken ') + i.getAttribute('src'))";

    [Fact]
    public async Task RunsTable_FiltersSortsAndGroupsBySeed()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = runs.Host.Client.BaseAddress!.ToString() });
        await page.GotoAsync("/hangfire/results");
        var rows = page.Locator("#runs tbody tr.run:visible");
        await Assertions.Expect(rows).ToHaveCountAsync(4);

        await page.Locator("#filter").FillAsync("a-seed");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.Locator("#filter").FillAsync(string.Empty);

        // Sorting by top-1: ascending puts a-seed-0 (10%) first, a second click b-seed-0 (50%).
        var top1 = page.Locator("#runs thead th", new() { HasText = "top-1" });
        await top1.ClickAsync();
        await Assertions.Expect(page.Locator("#runs tbody tr.run:visible").Nth(0)).ToHaveAttributeAsync("data-run", "a-seed-0");
        await top1.ClickAsync();
        await Assertions.Expect(page.Locator("#runs tbody tr.run:visible").Nth(0)).ToHaveAttributeAsync("data-run", "b-seed-0");

        await page.Locator("#group-by-seed").CheckAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        var group = page.Locator("#runs tbody tr.group[data-group=a]");
        await Assertions.Expect(group).ToBeVisibleAsync();
        await Assertions.Expect(group).ToHaveAttributeAsync("data-n", "3");
        await Assertions.Expect(group).ToContainTextAsync("20.0 ± 10.0 (3)");
        await Assertions.Expect(page.Locator("#runs tbody tr.group[data-group=b-seed-0]")).ToContainTextAsync("50.0 ± 0.0 (1)");

        // The run links lead to the run's page.
        await page.Locator("#group-by-seed").UncheckAsync();
        await page.Locator("#runs a", new() { HasText = "a-seed-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1", new() { HasText = "Run a-seed-1" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RunPage_ShowsEveryPlot_AndItsFileLinksWork()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = runs.Host.Client.BaseAddress!.ToString() });
        // From the dashboard's Runs tab, as a user gets there.
        await page.GotoAsync("/hangfire/runs");
        await page.Locator("table.runs a.run-page", new() { HasText = "a-seed-2" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/hangfire/results/runs/a-seed-2", page.Url, StringComparison.Ordinal);

        var images = await page.EvaluateAsync<string[]>(LoadedImages);
        Assert.All(images, i => Assert.StartsWith("loaded ", i, StringComparison.Ordinal));
        foreach (var figure in new[] { "loss", "learning-rate", "logit-scale" })
        {
            Assert.Contains(images, i => i.EndsWith($"/a-seed-2/{figure}.png", StringComparison.Ordinal));
        }
        await Assertions.Expect(page.Locator("#figure-loss a", new() { HasText = "SVG" })).ToHaveCountAsync(1);
        var csv = await page.APIRequest.GetAsync(await page.Locator("#figure-loss a", new() { HasText = "CSV" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("series,x,y,std\na-seed-2,", await csv.TextAsync(), StringComparison.Ordinal);

        var checkpoint = page.Locator("#files a", new() { HasText = "model.safetensors" }).First;
        var response = await page.APIRequest.GetAsync(await checkpoint.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, response.Status);
        Assert.True((await response.BodyAsync()).Length > 1000);
        await Assertions.Expect(page.Locator("#config")).ToContainTextAsync("\"seed\": 2");
    }

    [Fact]
    public async Task ComparePage_ShowsTheConfigDiff_AndOverlaidCurves()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = runs.Host.Client.BaseAddress!.ToString() });
        await page.GotoAsync("/hangfire/results/compare?a=a-seed-0&b=b-seed-0");
        var diff = page.Locator("#config-diff tbody tr");
        await Assertions.Expect(diff).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#config-diff tr[data-path='training.learningRate']")).ToContainTextAsync("0.01");
        var images = await page.EvaluateAsync<string[]>(LoadedImages);
        Assert.NotEmpty(images);
        Assert.All(images, i => Assert.StartsWith("loaded ", i, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaticReport_FromTheCli_OpensFromFile_WithEveryImageLoaded()
    {
        var out_ = runs.Dir.Combine("report");
        var report = await ClipHostProcess.RunAsync(["runs", "report", "--out", out_, "a-seed-0", "a-seed-1", "a-seed-2", "b-seed-0"], runs.Env);
        Assert.True(report.ExitCode == 0, report.All);
        var index = report.Stdout.TrimEnd().Split('\n')[^1];
        Assert.Equal(Path.Combine(out_, "index.html"), index);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(index).AbsoluteUri);
        await page.Locator("#group-by-seed").CheckAsync();
        await Assertions.Expect(page.Locator("#runs tr.group[data-group=a]")).ToContainTextAsync("20.0 ± 10.0 (3)");
        await page.Locator("#group-by-seed").UncheckAsync();
        await page.Locator("#runs a", new() { HasText = "a-seed-0" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1", new() { HasText = "Run a-seed-0" })).ToBeVisibleAsync();
        var images = await page.EvaluateAsync<string[]>(LoadedImages);
        Assert.True(images.Length >= 3, string.Join(", ", images));
        Assert.All(images, i => Assert.StartsWith("loaded figures/", i, StringComparison.Ordinal));
        // Run files are linked relative to the report, into the run folder.
        var config = await page.Locator("#files a", new() { HasText = "config.json" }).First.GetAttributeAsync("href");
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(out_, config!))), config);
        Assert.True(File.Exists(Path.Combine(out_, "figures", "runs-a-seed-0-loss.svg")));
    }

    [Fact]
    public async Task RunsReport_AnIdThatIsNoRun_IsRefusedNamingIt_BeforeWritingAnything()
    {
        var out_ = runs.Dir.Combine("refused-report");
        var report = await ClipHostProcess.RunAsync(["runs", "report", "--out", out_, "a-seed-0", "../secret"], runs.Env);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("runs[1]", report.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(out_));
    }

    private static async Task<IBrowser> BrowserAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium");
        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }
}
