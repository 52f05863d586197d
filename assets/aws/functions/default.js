'use strict';
// $default: any message no route matched gets a short help text back (a route response).
const HELP = 'ConnLab stack. Send {"action":"sendmessage","data":"<text>"} and every connected client receives <text>.';

exports.handler = async () => ({ statusCode: 200, body: HELP });
module.exports.HELP = HELP;
