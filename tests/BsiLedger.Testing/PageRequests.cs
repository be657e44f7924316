using System.Collections.Concurrent;
using PuppeteerSharp;

namespace BsiLedger.Testing;

/// <summary>Every request a page makes, from the moment it is watched: the URLs, in order, to check where a page reaches.</summary>
public sealed class PageRequests
{
    private readonly ConcurrentQueue<string> _urls = new();

    private PageRequests(IPage page) => page.Request += (_, e) => _urls.Enqueue(e.Request.Url);

    public IReadOnlyList<string> Urls => [.. _urls];

    public static PageRequests Watch(IPage page) => new(page);
}
