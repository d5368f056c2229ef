resource "aws_elb" "web" {
  name = "web"

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  listener {
    lb_port           = 443
    lb_protocol       = "https"
    instance_port     = 8443
    instance_protocol = "https"
  }
}
