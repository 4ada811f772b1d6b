using System.CommandLine;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host data merge &lt;name&gt; &lt;store&gt; &lt;store&gt;...`: one pool store from several (e.g. emoji + clip art for filtering studies).</summary>
public static class DataMergeCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Name of the merged store" };
        var sources = new Argument<string[]>("stores") { Description = "Stores to merge, in order (two or more, one resolution)", Arity = new ArgumentArity(2, 100) };
        var replace = new Option<bool>("--replace") { Description = "Replace a store of that name" };
        var command = new Command("merge", "Merge imported stores into one pool store without decoding again: splits kept, `source` metadata added, label sets renamed <store>.<set>")
        {
            name, sources, replace,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, _ => { }, (host, ct) =>
        {
            var stores = host.Services.GetRequiredService<DataLayout>().Stores;
            var target = parse.GetValue(name)!;
            if (Identifier.Check(target, "name") is { } badName)
            {
                Console.Error.WriteLine(badName);
                return Task.FromResult(2);
            }
            var existing = Path.Combine(stores, target, StoreFiles.Manifest);
            if (File.Exists(existing) && !parse.GetValue(replace))
            {
                Console.Error.WriteLine($"name: store '{target}' exists under {stores}; pass --replace to build it again");
                return Task.FromResult(2);
            }
            try
            {
                var manifest = StoreMerger.Merge(stores, target, parse.GetValue(sources)!, parse.GetValue(replace));
                Console.WriteLine($"{manifest.Name}: {manifest.Count} samples (train {manifest.Splits.GetValueOrDefault(Splits.Train)}, val {manifest.Splits.GetValueOrDefault(Splits.Val)}, test {manifest.Splits.GetValueOrDefault(Splits.Test)}) from {manifest.Source}, hash {manifest.ContentHash[..12]}");
                return Task.FromResult(0);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }
        }, ct));
        return command;
    }
}
