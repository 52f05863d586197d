package io.connlab.lesson;

import java.util.HashMap;
import java.util.Map;

/** The diagrams' words: a key, then English and Chinese. */
final class Labels {
    private static final String[][] ROWS = {
            {"server", "server", "服务器"},
            {"client", "client", "客户端"},
            {"lane.websocket", "WebSocket", "WebSocket"},
            {"lane.longPoll", "Long poll", "长轮询"},
            {"lane.shortPoll", "Short poll", "短轮询"},
            {"timeline.title", "One message, three ways to receive it", "同一条消息，三种接收方式"},
            {"timeline.published", "message published", "消息发布"},
            {"timeline.held", "request held until the message exists", "请求被挂起，直到消息出现"},
            {"timeline.empty", "empty", "空"},
            {"timeline.found", "found at the next ask", "下一次询问时才取到"},
            {"ws.title", "A WebSocket API: the gateway holds the socket, functions run per event", "WebSocket API：网关握住套接字，函数按事件运行"},
            {"ws.noDefault", "no $default: an error goes back", "没有 $default：返回一条错误消息"},
            {"ws.connect", "handshake", "握手"},
            {"ws.message", "{\"action\":\"sendmessage\"}", "{\"action\":\"sendmessage\"}"},
            {"ws.push", "POST @connections/{id}: push back to one client", "POST @connections/{id}：推送给某个客户端"},
            {"ws.gone", "a gone id answers 410", "已失效的 ID 返回 410"},
            {"pool.title", "One connection per container, against max_connections", "每个容器一个连接，对比 max_connections"},
            {"pool.db", "database", "数据库"},
            {"pool.max", "max_connections", "max_connections"},
            {"pool.perContainer", "each container holds its own connection", "每个容器各自持有一个连接"},
            {"pool.refused", "containers past the limit: 53300 too many clients", "超出上限的容器：53300 too many clients"},
            {"pool.proxy", "RDS Proxy", "RDS Proxy"},
            {"pool.shared", "through a proxy: many callers share a few connections", "经由代理：众多调用方共享少量连接"},
    };

    private Labels() {
    }

    static Map<String, String> of(String language) {
        int column = language.equals("zh") ? 2 : 1;
        Map<String, String> out = new HashMap<>();
        for (String[] row : ROWS) out.put(row[0], row[column]);
        return out;
    }
}
