using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Soak;

/// <summary>
/// Many small jobs (trainings, imports, filters) through the public API onto two hosts sharing one PostgreSQL
/// database: each done exactly once, none lost or stuck, both hosts working, and each host's memory, open files and
/// threads flat once warm. CI runs <see cref="CiJobs"/> jobs; `bash scripts/soak.sh` runs 200 (CLIPHOST_SOAK_JOBS)
/// and writes the figures (CLIPHOST_SOAK_REPORT) that docs/reliability.md (Soak) quotes.
/// </summary>
[Collection("alone")]
public sealed class SoakTests
{
    private const int CiJobs = 24;

    /// <summary>Jobs in flight at once: enough to keep both hosts' workers (1 training + 2 default each) busy.</summary>
    private const int Window = 6;

    /// <summary>Samples per host stay in the hundreds for a long soak, and are dense enough for quartiles in CI.</summary>
    private static TimeSpan SampleEvery(int jobs) => TimeSpan.FromSeconds(jobs <= 50 ? 1 : 3);

    // A leak shows as a climb that continues after warm-up; the bounds leave room for the allocator's and the
    // runtime's noise (a GC heap that settles, native arenas) and catch a handle or a buffer kept per job.
    private const double MaxRssGrowthOverSecondHalfMiB = 64;
    private const int MaxExtraOpenFiles = 50;
    private const int MaxExtraThreads = 20;

    [Fact]
    public async Task SmallJobsOnTwoHostsSharingPostgres_EachDoneExactlyOnce_ResourcesFlat()
    {
        var jobs = JobCount();
        using var dir = new TempDir();
        await using var db = await Postgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        env["ConnectionStrings__Hangfire"] = db.ConnectionString;
        env["CLIPHOST_Jobs__PollIntervalMs"] = "300";
        // The hosts as deployed (LibTorch threads: the cores), not the tests' one thread: with one thread the 24 CI jobs
        // finish in seconds, too few samples for the second half to lie past the warm-up (a short soak needs a
        // warm-up that is left out of the slope; not built yet).
        env["CLIPHOST_Torch__Threads"] = "0";
        // The service runs the workstation GC (ClipHost.Host.csproj), so a climb in RSS here is memory it holds on to.
        for (var i = 0; i < jobs; i++)
        {
            if (SoakJob.KindOf(i) == SoakJobKind.Import)
            {
                WriteImportFolder(dir, i);
            }
        }
        await using var a = await RunningHost.StartAsync(env);
        await using var b = await RunningHost.StartAsync(env);
        RunningHost[] hosts = [a, b];
        var ledger = new HangfireLedger(db.ConnectionString);
        var clock = Stopwatch.StartNew();
        var samplerA = new ResourceSampler(a.ProcessId, SampleEvery(jobs));
        var samplerB = new ResourceSampler(b.ProcessId, SampleEvery(jobs));
        List<SoakJob> submitted;
        try
        {
            submitted = await DrainAsync(dir, hosts, ledger, jobs);
        }
        finally
        {
            await samplerA.DisposeAsync();
            await samplerB.DisposeAsync();
        }
        var duration = clock.Elapsed;

        // Hangfire's record: exactly the submitted jobs, each processed once and succeeded once.
        var entries = await ledger.ReadAsync();
        Assert.Equal(submitted.Select(j => j.JobId).Order(), entries.Keys.Order());
        var repeated = entries.Values.Where(e => e.Processing != 1 || e.Succeeded != 1 || e.State != "Succeeded").ToList();
        Assert.True(repeated.Count == 0, $"jobs not processed and succeeded exactly once: {string.Join("; ", repeated)}");

        var runs = submitted.Where(j => j.Kind == SoakJobKind.Run).ToList();
        foreach (var job in submitted)
        {
            // Read through the host that did not take the submission: the record is on the storage both share.
            await CheckDoneOnceAsync(dir, hosts[1 - job.SubmittedTo], job);
        }
        foreach (var host in hosts)
        {
            var listed = (await host.GetJsonAsync("/api/runs")).EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
            Assert.Equal(runs.Select(r => r.Name).Order(), listed.Order());
        }

        var figures = hosts.Select((h, i) => Figures(h, i == 0 ? samplerA : samplerB, submitted, entries)).ToList();
        foreach (var f in figures)
        {
            Assert.True(f.Processed.Values.Sum() > 0, $"host {f.ProcessId} took no job");
        }
        var report = SoakReport.Render(jobs, duration,
            $"{entries.Count}/{jobs} Hangfire jobs processed once and succeeded once; {runs.Count} runs trained once (attempts 1, no step repeated in metrics.jsonl)",
            figures);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CLIPHOST_SOAK_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report, TestContext.Current.CancellationToken);
        }
        foreach (var f in figures)
        {
            var secondHalfMinutes = duration.TotalMinutes / 2;
            var growth = f.RssMiB.SecondHalfSlopePerMinute * secondHalfMinutes;
            Assert.True(growth < MaxRssGrowthOverSecondHalfMiB, $"host {f.ProcessId}: RSS climbed {growth:F0} MiB over the second half\n{report}");
            Assert.True(f.OpenFiles.LastQuarterMax <= f.OpenFiles.FirstQuarterMax + MaxExtraOpenFiles, $"host {f.ProcessId}: open files grew\n{report}");
            Assert.True(f.Threads.LastQuarterMax <= f.Threads.FirstQuarterMax + MaxExtraThreads, $"host {f.ProcessId}: threads grew\n{report}");
        }
    }

    private static int JobCount()
    {
        var value = Environment.GetEnvironmentVariable("CLIPHOST_SOAK_JOBS");
        if (string.IsNullOrEmpty(value))
        {
            return CiJobs;
        }
        return int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 8
            ? n
            : throw new InvalidOperationException($"CLIPHOST_SOAK_JOBS must be a whole number of at least 8 (so each host gets each kind of job), not '{value}'");
    }

    /// <summary>Four captioned images per import, each import its own folder under the data root.</summary>
    private static void WriteImportFolder(TempDir dir, int index)
    {
        for (var k = 0; k < 4; k++)
        {
            dir.Write($"data/incoming/soak-{index:D3}/{k}.png", Images.Png(16, (index * 4) + k));
            dir.Write($"data/incoming/soak-{index:D3}/{k}.txt", $"soak picture {k} of import {index}");
        }
    }

    /// <summary>
    /// Submits the jobs alternately to the two hosts, keeping <see cref="Window"/> in flight, until every one has
    /// finished; a failed job, a dead host or a job past the deadline ends the test with what the hosts said.
    /// </summary>
    private static async Task<List<SoakJob>> DrainAsync(TempDir dir, RunningHost[] hosts, HangfireLedger ledger, int jobs)
    {
        var submitted = new List<SoakJob>();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3) + (jobs * TimeSpan.FromSeconds(30));
        while (submitted.Count < jobs || pending.Count > 0)
        {
            while (submitted.Count < jobs && pending.Count < Window)
            {
                var job = await SubmitAsync(dir, hosts, submitted.Count);
                submitted.Add(job);
                pending.Add(job.JobId);
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var entries = await ledger.ReadAsync();
            foreach (var id in pending.ToList())
            {
                if (entries.TryGetValue(id, out var entry) && entry.State is "Succeeded" or "Failed" or "Deleted")
                {
                    Assert.True(entry.State == "Succeeded", $"job {submitted.Single(j => j.JobId == id)} ended {entry.State}\n{Outputs(hosts)}");
                    pending.Remove(id);
                }
            }
            Assert.True(hosts.All(h => !h.Exited), $"a host died\n{Outputs(hosts)}");
            Assert.True(DateTime.UtcNow < deadline,
                $"{pending.Count} jobs still unfinished after {submitted.Count} submitted: {string.Join(", ", pending.Select(p => $"{p} {(entries.TryGetValue(p, out var e) ? e.State : "absent")}"))}\n{Outputs(hosts)}");
        }
        return submitted;
    }

    private static async Task<SoakJob> SubmitAsync(TempDir dir, RunningHost[] hosts, int index)
    {
        var to = index % 2;
        var kind = SoakJob.KindOf(index);
        var (path, body) = kind switch
        {
            SoakJobKind.Run => ("/api/runs", ColoursData.Tiny($"soak{index:D3}", epochs: 1, evaluate: false)),
            SoakJobKind.Import => ("/api/imports", JsonSerializer.Serialize(new { source = "folder", path = dir.Combine("data", "incoming", $"soak-{index:D3}"), name = $"soak-{index:D3}" })),
            _ => ("/api/filters", $$"""{ "store": "colours", "subset": "soak-{{index:D3}}", "seed": {{index}}, "filters": [ { "id": "random-subset", "options": { "fraction": 0.5 } } ] }"""),
        };
        var (status, answer) = await hosts[to].PostJsonAsync(path, body);
        Assert.True(status == HttpStatusCode.Accepted, $"POST {path} #{index}: {(int)status} {answer}");
        return kind == SoakJobKind.Run
            ? new SoakJob(index, kind, answer.GetProperty("id").GetString()!, answer.GetProperty("trainingJobId").GetString()!, to)
            : new SoakJob(index, kind, $"soak-{index:D3}", answer.GetProperty("jobId").GetString()!, to);
    }

    /// <summary>What each job left behind says it ran once: a run trained its steps once; a store or subset is whole.</summary>
    private static async Task CheckDoneOnceAsync(TempDir dir, RunningHost reader, SoakJob job)
    {
        switch (job.Kind)
        {
            case SoakJobKind.Run:
                var run = await reader.GetJsonAsync($"/api/runs/{job.Name}");
                Assert.True(run.GetProperty("status").GetString() == "succeeded" && run.GetProperty("attempts").GetInt32() == 1, run.ToString());
                var steps = File.ReadLines(dir.Combine("runs", job.Name, "metrics.jsonl"))
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("step").GetInt64()).ToList();
                Assert.True(steps.Count > 0 && steps.Zip(steps.Skip(1)).All(p => p.Second > p.First), $"{job.Name}: steps {string.Join(",", steps)}");
                Assert.Equal(run.GetProperty("progress").GetProperty("step").GetInt64(), steps[^1]);
                break;
            case SoakJobKind.Import:
                using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(dir.Combine("data", "stores", job.Name, "manifest.json"), TestContext.Current.CancellationToken)))
                {
                    Assert.Equal(4, manifest.RootElement.GetProperty("count").GetInt32());
                }
                break;
            default:
                using (var subset = JsonDocument.Parse(await File.ReadAllTextAsync(dir.Combine("data", "subsets", job.Name, "subset.json"), TestContext.Current.CancellationToken)))
                {
                    Assert.Equal(32, subset.RootElement.GetProperty("ids").GetArrayLength());
                }
                break;
        }
    }

    private static SoakReport.HostFigures Figures(RunningHost host, ResourceSampler sampler, List<SoakJob> jobs, IReadOnlyDictionary<string, HangfireLedger.Entry> entries)
    {
        var processed = jobs.Where(j => entries[j.JobId].ProcessId == host.ProcessId).GroupBy(j => j.Kind).ToDictionary(g => g.Key, g => g.Count());
        var samples = sampler.Samples;
        return new SoakReport.HostFigures(host.ProcessId, processed,
            Series.Of(samples, s => s.RssBytes / (1024.0 * 1024.0)), Series.Of(samples, s => s.OpenFiles), Series.Of(samples, s => s.Threads), samples.Count);
    }

    private static string Outputs(RunningHost[] hosts) => string.Join("\n", hosts.Select(h => $"--- host {h.ProcessId} ---\n{Tail(h.Output)}"));

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
