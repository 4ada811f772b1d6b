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
            return NewStoreCommand.Run(stores, parse.GetValue(name)!, "name", parse.GetValue(replace), () =>
            {
                var manifest = StoreMerger.Merge(stores, parse.GetValue(name)!, parse.GetValue(sources)!, parse.GetValue(replace));
                return $"{manifest.Name}: {manifest.Count} samples (train {manifest.Splits.GetValueOrDefault(Splits.Train)}, val {manifest.Splits.GetValueOrDefault(Splits.Val)}, test {manifest.Splits.GetValueOrDefault(Splits.Test)}) from {manifest.Source}, hash {manifest.ContentHash[..12]}";
            });
        }, ct));
        return command;
    }
}
