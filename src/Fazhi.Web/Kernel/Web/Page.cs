namespace Fazhi.Web.Kernel.Web;

/// <summary>One page of a list ("共 N 条").</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    /// <summary>The list counted no further than <see cref="Total"/>: there are more ("超过 N 条").</summary>
    public bool TotalCapped { get; init; }

    /// <summary>What the list leaves out and why (e.g. a search confined to a period), for the reader.</summary>
    public string? Note { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The paging a list request asks for, kept within sensible bounds (page 1–100,000; 1–200 rows, default 20).</summary>
public readonly record struct Paging(int Number, int Size)
{
    public int Skip => (Number - 1) * Size;

    public static Paging Of(int? page, int? pageSize) => new(Math.Clamp(page ?? 1, 1, 100_000), Math.Clamp(pageSize ?? 20, 1, 200));
}

/// <summary>每页条数: the sizes a list page offers (20/50/100; the query key <c>size</c>, anything else is 20).</summary>
public static class PageSizes
{
    public static IReadOnlyList<int> Offered { get; } = [20, 50, 100];

    public static int Of(int? size) => size is { } s && Offered.Contains(s) ? s : 20;
}
