using Fazhi.Web.Kernel.Attachments;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Messages;

namespace Fazhi.Web.Kernel;

/// <summary>What every next module needs besides access and audit: 字典管理, 附件 and 站内消息.</summary>
public static class KernelParts
{
    public static IServiceCollection AddKernelParts(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<DictionaryCache>();
        services.AddScoped<DictionaryService>();
        services.AddScoped<IDictionaries>(sp => sp.GetRequiredService<DictionaryService>());
        services.AddScoped<DictionarySync>();

        services.Configure<AttachmentOptions>(config.GetSection("Fazhi:Attachments"));
        services.AddScoped<IAttachmentStore, DatabaseAttachmentStore>();
        services.AddScoped<IAttachmentStore, FolderAttachmentStore>();
        services.AddScoped<AttachmentService>();

        services.AddScoped<MessageService>();
        services.AddScoped<IMessages>(sp => sp.GetRequiredService<MessageService>());
        return services;
    }

    public static void MapKernelParts(this RouteGroupBuilder api)
    {
        api.MapDictionaries();
        api.MapAttachments();
        api.MapMessages();
    }
}
