using System.Net;
using Microsoft.Playwright;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// A data report opened from disk in a real headless Chromium (Debian `chromium`, driven by Playwright): the subset is
/// made the service's way (POST /api/filters with a teacher trained by clip-host), the page by `clip-host data report`.
/// </summary>
public sealed class DataReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_OpenedFromFile_LoadsEveryImage_ShowsThePlots_AndListsTheDroppedCards()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var train = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("teacher.json", ColoursData.Tiny("teacher", evaluate: false))], env);
        Assert.True(train.ExitCode == 0, train.All);
        await using (var host = await RunningHost.StartAsync(env))
        {
            var (status, body) = await host.PostJsonAsync("/api/filters", """
                { "store": "colours", "subset": "best", "seed": 3,
                  "filters": [ { "id": "clip-score", "options": { "teacher": "teacher", "topPercent": 50 } }, { "id": "random-subset", "options": { "fraction": 0.5 } } ] }
                """);
            Assert.True(status == HttpStatusCode.Accepted, body.ToString());
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (!File.Exists(dir.Combine("data", "subsets", "best", "subset.json")))
            {
                Assert.True(DateTime.UtcNow < deadline, $"subset 'best' was not written\n{host.Output}");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        var report = await ClipHostProcess.RunAsync(["data", "report", "best", "--examples", "8"], env);
        Assert.True(report.ExitCode == 0, report.All);
        var index = report.Stdout.TrimEnd().Split('\n')[^1];
        Assert.Equal(dir.Combine("data", "subsets", "best", "report", "index.html"), index);
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(index).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        // "loaded src" or "broken src" per image: a decoded image has a natural width.
        var images = await page.EvaluateAsync<string[]>("() => Array.from(document.images).map(i => (i.complete && i.naturalWidth > 0 ? 'loaded ' : 'broken ') + i.getAttribute('src'))");
        Assert.True(images.Length > 20, $"only {images.Length} images on the page");
        Assert.All(images, i => Assert.StartsWith("loaded ", i, StringComparison.Ordinal));
        var sources = images.Select(i => i["loaded ".Length..]).ToList();
        Assert.All(sources, s => Assert.DoesNotContain(':', s));
        var plots = sources.Where(s => !s.StartsWith("img/", StringComparison.Ordinal)).ToList();
        Assert.Contains("dataset-caption-words.png", plots);
        Assert.Contains("step-01-scores.png", plots);
        Assert.Contains("step-02-caption-words.png", plots);
        foreach (var plot in await page.Locator("img.plot").AllAsync())
        {
            Assert.True(await plot.IsVisibleAsync(), await plot.GetAttributeAsync("src"));
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Data report: best");
        await Assertions.Expect(page.Locator("#store-warning")).ToHaveCountAsync(0);
        // The scored step: the dropped side of its cut and its most confidently dropped, red-bordered cards.
        await Assertions.Expect(page.Locator("#step-1-lower-dropped figure.card.dropped")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#step-1-lower-farthest figure.card.dropped")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#step-1-lower-kept figure.card.kept")).ToHaveCountAsync(8);
        // The random subset does not score: its drops are grouped by reason.
        await Assertions.Expect(page.Locator("#step-2 h4", new() { HasText = "not drawn" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#step-2-reason-1 figure.card.dropped")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#step-1")).ToHaveAttributeAsync("data-dropped", "32");
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }
}
