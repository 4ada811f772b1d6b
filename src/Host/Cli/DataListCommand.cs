using System.CommandLine;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Data.Store;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host data list`: every complete store with its counts, and leftovers of unfinished imports.</summary>
public static class DataListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List imported stores: samples, splits, label sets, resolution, content hash");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, _ => { }, (host, ct) =>
        {
            var stores = host.Services.GetRequiredService<DataLayout>().Stores;
            if (!Directory.Exists(stores))
            {
                Console.WriteLine($"no stores under {stores}; import one with `clip-host data import all`");
                return Task.FromResult(0);
            }
            Console.WriteLine($"{"name",-20} {"source",-12} {"samples",8} {"train",7} {"val",6} {"test",6} {"res",4} {"skipped",7}  labels / hash");
            foreach (var dir in Directory.EnumerateDirectories(stores).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(dir);
                if (name.StartsWith('.'))
                {
                    Console.WriteLine($"{name,-20} (unfinished import, ignored; removed by the next import of that name)");
                    continue;
                }
                try
                {
                    using var store = ClipStore.Open(dir);
                    var m = store.Manifest;
                    var labels = string.Join(", ", m.LabelSets.Select(kv => $"{kv.Key} ({kv.Value.Count})"));
                    Console.WriteLine($"{name,-20} {m.Source,-12} {m.Count,8} {m.Splits.GetValueOrDefault(Splits.Train),7} {m.Splits.GetValueOrDefault(Splits.Val),6} {m.Splits.GetValueOrDefault(Splits.Test),6} {m.Resolution,4} {m.Skipped,7}  {labels} / {m.ContentHash[..12]}");
                }
                catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
                {
                    Console.WriteLine($"{name,-20} not a usable store: {e.Message}");
                }
            }
            return Task.FromResult(0);
        }, ct));
        return command;
    }
}
